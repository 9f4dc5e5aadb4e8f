using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Localization;

/// <summary>
/// Sentences Core and the standards write in English (expected failures, MRZ warnings, check results) in the
/// reader's language. Core fills values into its sentences, so an entry is a template: the English with {0}, {1}…
/// where Core put a value, and the French with the same placeholders, in whatever order French needs. A value that
/// is itself such a sentence ("Line 3: …") is translated too.
/// </summary>
public sealed partial class UiText
{
    /// <summary>The sentence in the reader's language; one with no entry is shown as Core wrote it.</summary>
    public string Message(string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? Translate(english) : english;

    /// <summary>Whether the English template (with {0}, {1}… for values) has a French entry.</summary>
    internal static bool HasFrenchMessage(string template) =>
        FrenchMessages.ContainsKey(template) || French.ContainsKey(template);

    /// <summary>Core's sentences are short; one longer than this carries someone's input and stays as written.</summary>
    private const int LongestSentence = 600;

    private static string Translate(string english, int depth = 0)
    {
        if (French.TryGetValue(english, out var ui) || FrenchMessages.TryGetValue(english, out ui))
        {
            return ui;
        }

        // A value is translated only when it is itself a whole sentence ("Line 3: …"), and only one level down: the
        // values are input, and input must not be able to make translation slow or fail.
        if (depth > 1 || english.Length > LongestSentence)
        {
            return english;
        }

        try
        {
            foreach (var (pattern, french) in Compiled.Templates)
            {
                var match = pattern.Match(english);
                if (match.Success)
                {
                    var values = match.Groups.Cast<Group>().Skip(1)
                        .Select(g => (object)Translate(g.Value, depth + 1)).ToArray();
                    return string.Format(CultureInfo.CurrentCulture, french, values);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Shown as Core wrote it, in English, rather than not at all.
        }

        return english;
    }

    /// <summary>The templates with values, as patterns; a nested class, so they are built after the entries.</summary>
    private static class Compiled
    {
        public static readonly (Regex English, string French)[] Templates = [.. FrenchMessages
            .Where(m => m.Key.Contains("{0}", StringComparison.Ordinal))
            .Select(m => (Pattern(m.Key), m.Value))];

        private static Regex Pattern(string template) => new(
            "^" + Regex.Replace(Regex.Escape(template), @"\\\{(\d+)}", "(.*?)") + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking,
            TimeSpan.FromMilliseconds(100));
    }

    private static readonly Dictionary<string, string> FrenchMessages = new(StringComparer.Ordinal)
    {
        // Detentions and authentication requests.
        ["Officers of law-enforcement agencies ask for authentications."] =
            "Les agents des services répressifs demandent les authentifications.",
        ["No published product sheet has this id."] = "Aucune fiche produit publiée n'a cet identifiant.",
        ["The quantity is 1 or more."] = "La quantité est d'au moins 1.",
        ["Say where the goods are held (at most 200 characters)."] =
            "Indiquez où les marchandises sont retenues (200 caractères au plus).",
        ["The route is at most 200 characters."] = "L'itinéraire fait au plus 200 caractères.",
        ["Your agency's settings do not allow sending a consignee's details to rights holders."] =
            "Les réglages de votre agence ne permettent pas de transmettre les coordonnées d'un destinataire aux " +
            "titulaires de droits.",
        ["The message is at most 2000 characters."] = "Le message fait au plus 2000 caractères.",
        ["At most {0} photos."] = "{0} photos au plus.",
        ["A request holds at most {0} photos."] = "Une demande compte au plus {0} photos.",
        ["No authentication request has id {0}."] = "Aucune demande d'authentification n'a l'identifiant {0}.",
        ["The rights holder asked replies."] = "C'est le titulaire de droits sollicité qui répond.",
        ["This request was already answered."] = "Cette demande a déjà reçu une réponse.",
        ["The verdict is genuine, counterfeit or cannot-tell."] =
            "Le verdict est authentique, contrefaçon ou impossible à dire.",
        ["Give the reasons (at most 4000 characters)."] = "Donnez les motifs (4000 caractères au plus).",
        ["A message is 1 to 2000 characters."] = "Un message fait de 1 à 2000 caractères.",
        ["The detaining agency adds photos to its own requests."] =
            "L'agence qui retient les marchandises ajoute les photos à ses propres demandes.",
        ["The detaining agency records the outcome."] = "L'agence qui retient les marchandises enregistre l'issue.",
        ["The outcome is recorded once the rights holder has answered, or once its reply is overdue (after {0})."] =
            "L'issue s'enregistre une fois que le titulaire de droits a répondu, ou que sa réponse est en retard " +
            "(après le {0}).",
        ["Only {0}, who recorded the outcome, may correct it."] =
            "Seul {0}, qui a enregistré l'issue, peut la corriger.",
        ["An outcome is corrected within 24 hours of recording it; this one can no longer be changed."] =
            "Une issue se corrige dans les 24 heures qui suivent son enregistrement ; celle-ci ne peut plus être " +
            "modifiée.",
        ["The outcome changed while you were recording it; open the request again to see it."] =
            "L'issue a changé pendant que vous l'enregistriez ; ouvrez de nouveau la demande pour la voir.",
        ["The outcome is released, seized or destroyed."] = "L'issue est la mainlevée, la saisie ou la destruction.",
        ["The quantity is 1 to the {0} detained."] = "La quantité va de 1 aux {0} retenus.",
        ["The estimated value is 0 or more, and less than a trillion."] =
            "La valeur estimée est positive ou nulle, et inférieure à mille milliards.",
        ["Give the value's currency as an ISO 4217 code, such as EUR."] =
            "Indiquez la devise de la valeur par son code ISO 4217, par exemple EUR.",
        ["An amount in {0} has at most {1} decimal places."] = "Un montant en {0} a au plus {1} décimales.",
        ["Quantity and value are plain numbers, such as 240 or 19200.50 (no thousands separators)."] =
            "La quantité et la valeur sont des nombres simples, comme 240 ou 19200,50 (sans séparateur de milliers).",

        // Product sheets, pictures, alerts, lookups.
        ["A feature is overt, covert or forensic."] = "Un élément est visible, caché ou criminalistique.",
        ["A feature's description is 1 to 2000 characters."] =
            "La description d'un élément fait de 1 à 2000 caractères.",
        ["A rights holder manages its own product sheets only."] =
            "Un titulaire de droits ne gère que ses propres fiches produits.",
        ["A rights holder publishes its own product sheets only."] =
            "Un titulaire de droits ne publie que ses propres fiches produits.",
        ["A rights holder publishes once an administrator has verified it."] =
            "Un titulaire de droits publie une fois vérifié par un administrateur.",
        ["A rights holder lists its own product sheets."] = "Un titulaire de droits liste ses propres fiches produits.",
        ["A rights holder adds pictures to its own product sheets only."] =
            "Un titulaire de droits n'ajoute des images qu'à ses propres fiches produits.",
        ["A caption is at most 200 characters."] = "Une légende fait au plus 200 caractères.",
        ["Allowed countries are ICAO Doc 9303 codes."] = "Les pays autorisés sont des codes de l'OACI (Doc 9303).",
        ["GTIN {0} already belongs to another product sheet."] =
            "Le GTIN {0} appartient déjà à une autre fiche produit.",
        ["Texts are at most 4000 characters."] = "Les textes font au plus 4000 caractères.",
        ["The brand is required, at most 100 characters."] = "La marque est obligatoire, 100 caractères au plus.",
        ["No product sheet has id {0}."] = "Aucune fiche produit n'a l'identifiant {0}.",
        ["Give a barcode number, a GS1 Digital Link, scanner data or words to search (at most 500 characters)."] =
            "Saisissez un code-barres, un lien GS1 Digital Link, une lecture de scanner ou des mots (500 caractères " +
            "au plus).",
        ["Product lookups are for law-enforcement officers."] =
            "La recherche de produits est réservée aux agents des services répressifs.",
        ["A rights holder closes its own alerts only."] = "Un titulaire de droits ne clôt que ses propres alertes.",
        ["A rights holder manages its own alerts only."] = "Un titulaire de droits ne gère que ses propres alertes.",
        ["A rights holder raises alerts once an administrator has verified it."] =
            "Un titulaire de droits lance des alertes une fois vérifié par un administrateur.",
        ["An alert expires today or later."] = "Une alerte expire aujourd'hui ou plus tard.",
        ["An alert names the rights holder's own product sheets."] =
            "Une alerte cite les fiches produits du titulaire de droits lui-même.",
        ["Countries are ICAO Doc 9303 codes."] = "Les pays sont des codes de l'OACI (Doc 9303).",
        ["No alert has id {0}."] = "Aucune alerte n'a l'identifiant {0}.",
        ["Pick the agencies or the countries the alert goes to."] =
            "Choisissez les agences ou les pays destinataires de l'alerte.",
        ["The confidence is low, medium or high."] = "La confiance est faible, moyenne ou élevée.",
        ["The period ends after it starts."] = "La période se termine après son début.",
        ["The title is required, at most 200 characters."] = "Le titre est obligatoire, 200 caractères au plus.",
        ["The transport mode is one of {0}."] = "Le mode de transport est l'un de : {0}.",
        ["A picture is at most {0} MB."] = "Une image fait au plus {0} Mo.",
        ["A picture is at most {0} megapixels here; this one claims {1} × {2}."] =
            "Une image fait ici au plus {0} mégapixels ; celle-ci annonce {1} × {2}.",
        ["Only JPEG, PNG and WebP pictures are accepted, recognised by their content."] =
            "Seules les images JPEG, PNG et WebP sont acceptées, reconnues à leur contenu.",
        ["No barcode could be read in the photo; hold it flat and closer, or type the number."] =
            "Aucun code-barres n'a pu être lu sur la photo ; tenez-le à plat et plus près, ou saisissez le numéro.",
        ["The photo could not be read."] = "La photo n'a pas pu être lue.",
        ["No picture has id {0}."] = "Aucune image n'a l'identifiant {0}.",
        ["The picture's file is missing from the store."] = "Le fichier de l'image manque dans le stockage.",

        // Barcodes and identifiers: GS1, ISO 6346, IMO, HS.
        ["'({0}' is not an (AI)value pair."] = "« ({0} » n'est pas une paire (AI)valeur.",
        ["({0}) is the primary key or one of its qualifiers: it goes in the path, not the query string."] =
            "({0}) est la clé primaire ou l'un de ses qualificatifs : il se place dans le chemin, pas dans la requête.",
        ["A GS1 Digital Link is an http or https URI."] = "Un lien GS1 Digital Link est une URI http ou https.",
        ["A GTIN has 8, 12, 13 or 14 digits; '{0}' has {1} characters."] =
            "Un GTIN a 8, 12, 13 ou 14 chiffres ; « {0} » a {1} caractères.",
        ["A GTIN has digits only; '{0}' does not."] = "Un GTIN n'a que des chiffres ; ce n'est pas le cas de « {0} ».",
        ["A query key of digits only is an AI, and '{0}' is none."] =
            "Une clé de requête faite de chiffres est un AI, et « {0} » n'en est pas un.",
        ["AI ({0}) appears twice; GS1 data names each AI once."] =
            "L'AI ({0}) apparaît deux fois ; des données GS1 citent chaque AI une seule fois.",
        ["AI ({0}) takes {1} characters; only {2} follow."] = "L'AI ({0}) prend {1} caractères ; seuls {2} suivent.",
        ["AI ({0}) holds digits only; '{1}' does not."] =
            "L'AI ({0}) ne contient que des chiffres ; ce n'est pas le cas de « {1} ».",
        ["After the GTIN the path may hold /22/, /10/ and /21/; ({0}) is not one of them. " +
            "Data attributes go in the query string."] =
            "Après le GTIN, le chemin peut contenir /22/, /10/ et /21/ ; ({0}) n'en fait pas partie. Les attributs " +
            "vont dans la requête.",
        ["No known application identifier at position {0}."] =
            "Aucun identifiant d'application connu à la position {0}.",
        ["The data holds no GTIN, AI (01)."] = "Les données ne contiennent pas de GTIN, AI (01).",
        ["The path does not end with /01/ and a GTIN, then qualifiers with their values."] =
            "Le chemin ne se termine pas par /01/ et un GTIN, puis des qualificatifs avec leurs valeurs.",
        ["The path starts with the primary key /01/ and its GTIN; ({0}) comes before it."] =
            "Le chemin commence par la clé primaire /01/ et son GTIN ; ({0}) vient avant.",
        ["The path's qualifiers come in the order /22/, /10/, /21/."] =
            "Les qualificatifs du chemin viennent dans l'ordre /22/, /10/, /21/.",
        ["The symbology identifier '{0}' is not one of a GS1 symbol."] =
            "L'identifiant de symbologie « {0} » n'est pas celui d'un symbole GS1.",
        ["The check digit is {0}; for {1} it should be {2}."] =
            "La clé de contrôle est {0} ; pour {1} elle devrait être {2}.",
        ["A container number is 4 letters and 7 digits, such as CSQU3054383; '{0}' is not."] =
            "Un numéro de conteneur a 4 lettres et 7 chiffres, comme CSQU3054383 ; ce n'est pas le cas de « {0} ».",
        ["The fourth letter is the category U, J or Z; '{0}' is none."] =
            "La quatrième lettre est la catégorie U, J ou Z ; « {0} » n'en est aucune.",
        ["An IMO number is 7 digits, such as 9074729; '{0}' is not."] =
            "Un numéro OMI a 7 chiffres, comme 9074729 ; ce n'est pas le cas de « {0} ».",
        ["An HS code has 2, 4 or 6 digits; '{0}' does not."] =
            "Un code SH a 2, 4 ou 6 chiffres ; ce n'est pas le cas de « {0} ».",
        ["{0} is not a code of the HS 2022 nomenclature."] = "{0} n'est pas un code de la nomenclature SH 2022.",

        // Travel documents, MRZ, screening, hits.
        ["An MRZ has 2 or 3 lines; this has {0}."] = "Une bande MRZ a 2 ou 3 lignes ; celle-ci en a {0}.",
        ["Line {0} has {1} characters; it should have {2}."] =
            "La ligne {0} a {1} caractères ; elle devrait en avoir {2}.",
        ["Line {0}, position {1}: '{2}' cannot appear in an MRZ."] =
            "Ligne {0}, position {1} : « {2} » ne peut pas figurer dans une MRZ.",
        ["The issuing state '{0}' is not an ICAO Doc 9303 code."] =
            "L'État émetteur « {0} » n'est pas un code de l'OACI (Doc 9303).",
        ["The nationality '{0}' is not an ICAO Doc 9303 code."] =
            "La nationalité « {0} » n'est pas un code de l'OACI (Doc 9303).",
        ["The sex '{0}' is not M, F, X or <."] = "Le sexe « {0} » n'est pas M, F, X ou <.",
        ["The birth date '{0}' is not a date."] = "La date de naissance « {0} » n'est pas une date.",
        ["The expiry date '{0}' is not a date."] = "La date d'expiration « {0} » n'est pas une date.",
        ["Germany is 'D' in ICAO Doc 9303, not 'DEU'."] =
            "L'Allemagne est « D » dans le Doc 9303 de l'OACI, pas « DEU ».",
        ["'{0}' is not an ICAO Doc 9303 country code."] = "« {0} » n'est pas un code pays de l'OACI (Doc 9303).",
        ["Give an MRZ, or a document number of 1 to 20 letters and digits."] =
            "Saisissez une MRZ, ou un numéro de document de 1 à 20 lettres et chiffres.",
        ["Say why you screen, such as border-check (at most 100 characters): the law requires it."] =
            "Indiquez pourquoi vous contrôlez, par exemple border-check (100 caractères au plus) : la loi l'exige.",
        ["Screening is for officers, investigators and coordinators of law-enforcement agencies."] =
            "Le contrôle est réservé aux agents, enquêteurs et coordinateurs des services répressifs.",
        ["The location is at most 200 characters."] = "Le lieu fait au plus 200 caractères.",
        ["A batch holds 1 to {0} items; this one has {1}."] = "Un lot compte de 1 à {0} éléments ; celui-ci en a {1}.",
        ["documentType is one of {0}."] = "documentType est l'un de : {0}.",
        ["Line 1 names the columns: documentNumber, issuingState, documentType, or mrz."] =
            "La ligne 1 nomme les colonnes : documentNumber, issuingState, documentType ou mrz.",
        ["Line {0}: {1}"] = "Ligne {0} : {1}",
        ["Line 1: {0}"] = "Ligne 1 : {0}",
        ["Line 1 must name the columns; '{0}' is missing. Columns: {1}."] =
            "La ligne 1 doit nommer les colonnes ; « {0} » manque. Colonnes : {1}.",
        ["The file is empty: line 1 must name the columns."] =
            "Le fichier est vide : la ligne 1 doit nommer les colonnes.",
        ["'{0}' is not a law-enforcement agency."] = "« {0} » n'est pas un service répressif.",
        ["An agency imports its own records; an administrator may load them on its behalf."] =
            "Une agence importe ses propres signalements ; un administrateur peut les charger pour elle.",
        ["A birth date cannot be in the future."] = "Une date de naissance ne peut pas être dans le futur.",
        ["A document expires after it is issued."] = "Un document expire après sa délivrance.",
        ["A stolen blank was never issued: it has no holder."] =
            "Un document vierge volé n'a jamais été délivré : il n'a pas de titulaire.",
        ["Coordinators and investigators register their agency's documents."] =
            "Les coordinateurs et les enquêteurs signalent les documents de leur agence.",
        ["Coordinators and investigators search their agency's records."] =
            "Les coordinateurs et les enquêteurs recherchent dans les signalements de leur agence.",
        ["Coordinators and investigators load and export their agency's records."] =
            "Les coordinateurs et les enquêteurs chargent et exportent les signalements de leur agence.",
        ["Remarks are at most 500 characters, and hold no personal data."] =
            "Les remarques font au plus 500 caractères et ne contiennent aucune donnée personnelle.",
        ["The document number is 1 to 20 letters and digits (spaces, hyphens and '<' are ignored)."] =
            "Le numéro de document a de 1 à 20 lettres et chiffres (espaces, tirets et « < » sont ignorés).",
        ["The holder's name is at most 200 characters."] = "Le nom du titulaire fait au plus 200 caractères.",
        ["The national reference is at most 100 characters."] = "La référence nationale fait au plus 100 caractères.",
        ["The report date cannot be in the future."] = "La date de signalement ne peut pas être dans le futur.",
        ["The theft or loss date cannot be in the future."] =
            "La date du vol ou de la perte ne peut pas être dans le futur.",
        ["Your agency already registered this document as record {0}."] =
            "Votre agence a déjà signalé ce document sous l'enregistrement {0}.",
        ["No live record has id {0}."] = "Aucun signalement en vigueur n'a l'identifiant {0}.",
        ["No record has id {0}."] = "Aucun signalement n'a l'identifiant {0}.",
        ["Only the agency that owns a record changes it."] = "Seule l'agence propriétaire d'un signalement le modifie.",
        ["Only the agency that owns a record deletes it."] = "Seule l'agence propriétaire d'un signalement le retire.",
        ["Only the agency that owns a record reads it here; others see it through hits."] =
            "Seule l'agence propriétaire d'un signalement le consulte ici ; les autres le voient par les concordances.",
        ["Say why the record is withdrawn (at most 500 characters)."] =
            "Indiquez pourquoi le signalement est retiré (500 caractères au plus).",
        ["Purging is the platform's housekeeping, run by its operator."] =
            "La purge est l'entretien de la plateforme, mené par son exploitant.",
        ["Unknown document type."] = "Type de document inconnu.",
        ["Unknown status."] = "Statut inconnu.",
        ["limit is 1 to 1000."] = "limit va de 1 à 1000.",
        ["offset is 0 or more."] = "offset est positif ou nul.",
        ["status is one of stolen, lost, revoked, invalid, stolen-blank or recovered."] =
            "status est l'un de stolen, lost, revoked, invalid, stolen-blank ou recovered.",
        ["status is open, confirmed, recovered or mismatch."] = "status est open, confirmed, recovered ou mismatch.",
        ["size is between 1 and {0}."] = "size va de 1 à {0}.",
        ["page is a number from 1, within the first {0} items; narrow the list to go further."] =
            "page est un nombre à partir de 1, dans les {0} premiers éléments ; affinez la liste pour aller plus loin.",
        ["No hit case has id {0}."] = "Aucun dossier de concordance n'a l'identifiant {0}.",
        ["The note is at most 1000 characters."] = "La note fait au plus 1000 caractères.",
        ["The owner agency's coordinators decide its hits."] =
            "Les coordinateurs de l'agence propriétaire décident de ses concordances.",
        ["This case was already decided: {0}."] = "Ce dossier a déjà été décidé : {0}.",

        // Agencies, people, tokens, webhooks, notifications, audit.
        ["An agency with code {0} already exists."] = "Une agence avec le code {0} existe déjà.",
        ["Only an administrator adds agencies."] = "Seul un administrateur ajoute des agences.",
        ["The code is 2 to 32 letters, digits or hyphens, such as FR-DGDDI."] =
            "Le code a de 2 à 32 lettres, chiffres ou tirets, comme FR-DGDDI.",
        ["The kind is one of {0}."] = "Le type est l'un de : {0}.",
        ["The name is required, at most 200 characters."] = "Le nom est obligatoire, 200 caractères au plus.",
        ["An administrator, or the agency's own coordinator, changes its settings."] =
            "Un administrateur, ou le coordinateur de l'agence elle-même, modifie ses réglages.",
        ["Only an administrator verifies rights holders."] = "Seul un administrateur vérifie les titulaires de droits.",
        ["Say how the rights holder was verified (at most 500 characters)."] =
            "Indiquez comment le titulaire de droits a été vérifié (500 caractères au plus).",
        ["{0} is not a rights holder; only rights holders are verified."] =
            "{0} n'est pas un titulaire de droits ; seuls les titulaires de droits sont vérifiés.",
        ["A coordinator lists the people of its own agency; give its code."] =
            "Un coordinateur liste les personnes de sa propre agence ; donnez son code.",
        ["A password is required."] = "Un mot de passe est obligatoire.",
        ["A rights holder's people hold the rights-holder role alone; no one else may hold it."] =
            "Les personnes d'un titulaire de droits n'ont que le rôle de titulaire de droits ; personne d'autre ne " +
            "peut l'avoir.",
        ["A user with login {0} already exists."] = "Une personne avec l'identifiant {0} existe déjà.",
        ["Give at least one role."] = "Donnez au moins un rôle.",
        ["No agency has code '{0}'."] = "Aucune agence n'a le code « {0} ».",
        ["No agency has code {0}."] = "Aucune agence n'a le code {0}.",
        ["Roles are among {0}."] = "Les rôles sont parmi : {0}.",
        ["The login is 2 to 64 lower-case letters, digits, dots, hyphens or underscores."] =
            "L'identifiant a de 2 à 64 minuscules, chiffres, points, tirets ou tirets bas.",
        ["Another person with the right changes your roles."] = "Une autre personne habilitée modifie vos rôles.",
        ["Change your own password under Your password instead."] =
            "Changez plutôt votre propre mot de passe sous Votre mot de passe.",
        ["No user has login {0}."] = "Aucune personne n'a l'identifiant {0}.",
        ["No user has login '{0}'."] = "Aucune personne n'a l'identifiant « {0} ».",
        ["You cannot disable your own account."] = "Vous ne pouvez pas désactiver votre propre compte.",
        ["Enter a new password."] = "Saisissez un nouveau mot de passe.",
        ["Enter your current password."] = "Saisissez votre mot de passe actuel.",
        ["Only a signed-in person changes their own password."] =
            "Seule une personne connectée change son propre mot de passe.",
        ["The new password must differ from the current one."] = "Le nouveau mot de passe doit différer de l'actuel.",
        ["The caller is not a Passerelle user."] = "L'appelant n'est pas une personne de Passerelle.",
        ["A token expires after 1 to {0} days."] = "Un jeton expire au bout de 1 à {0} jours.",
        ["A token makes tokens with at most its own scopes."] =
            "Un jeton ne crée que des jetons aux portées incluses dans les siennes.",
        ["Give at least one scope."] = "Donnez au moins une portée.",
        ["Scopes are among {0}."] = "Les portées sont parmi : {0}.",
        ["The name is at most 100 characters."] = "Le nom fait au plus 100 caractères.",
        ["{0} is disabled."] = "{0} est désactivé.",
        ["{0}'s roles allow only: {1}."] = "Les rôles de {0} ne permettent que : {1}.",
        ["No token has id {0}."] = "Aucun jeton n'a l'identifiant {0}.",
        ["A coordinator, or a rights holder's user, registers the agency's webhooks."] =
            "Un coordinateur, ou une personne d'un titulaire de droits, enregistre les webhooks de l'agence.",
        ["An agency has at most {0} active webhooks; stop one before adding another."] =
            "Une agence a au plus {0} webhooks actifs ; arrêtez-en un avant d'en ajouter un autre.",
        ["No webhook has id {0}."] = "Aucun webhook n'a l'identifiant {0}.",
        ["The URL carries no user name or password."] = "L'URL ne contient ni nom d'utilisateur ni mot de passe.",
        ["The URL is an absolute https URL of at most {0} characters."] =
            "L'URL est une URL https absolue de {0} caractères au plus.",
        ["The URL is https; plain http only to a host an administrator put on Webhooks:AllowedHosts."] =
            "L'URL est en https ; le simple http seulement vers un hôte qu'un administrateur a placé dans " +
            "Webhooks:AllowedHosts.",
        ["The URL points to this machine, a private, link-local or shared network, or a multicast address."] =
            "L'URL désigne cette machine, un réseau privé, local au lien ou partagé, ou une adresse de multidiffusion.",
        ["No notification of yours has id {0}."] = "Aucune de vos notifications n'a l'identifiant {0}.",
        ["limit must be between 1 and {0}."] = "limit doit être compris entre 1 et {0}.",
        ["Only an administrator, acting directly, backs up the database."] =
            "Seul un administrateur, agissant directement, sauvegarde la base.",
        ["Only an administrator, acting directly, restores the database."] =
            "Seul un administrateur, agissant directement, restaure la base.",
    };
}
