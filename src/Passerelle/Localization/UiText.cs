using System.Globalization;

namespace Passerelle.Localization;

/// <summary>
/// The UI's words in English and French. English is the key; a missing French entry shows the English, never a
/// blank.
/// </summary>
public sealed class UiText
{
    public string this[string english] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" && French.TryGetValue(english, out var french) ? french : english;

    public string Format(string english, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, this[english], values);

    private static readonly Dictionary<string, string> French = new(StringComparer.Ordinal)
    {
        ["Skip to content"] = "Aller au contenu",
        ["Main navigation"] = "Navigation principale",
        ["Home"] = "Accueil",
        ["Agencies"] = "Agences",
        ["People"] = "Personnes",
        ["Tokens"] = "Jetons",
        ["Audit trail"] = "Journal d'audit",
        ["Sign in"] = "Se connecter",
        ["Sign out"] = "Se déconnecter",
        ["Language"] = "Langue",
        ["Change"] = "Changer",
        ["Login"] = "Identifiant",
        ["Password"] = "Mot de passe",
        ["Signed in as {0}, {1}"] = "Connecté en tant que {0}, {1}",
        ["The login or password is wrong."] = "L'identifiant ou le mot de passe est incorrect.",
        ["This account is locked. Try again later or ask your coordinator."] = "Ce compte est verrouillé. Réessayez plus tard ou contactez votre coordinateur.",
        ["Enter the login and the password."] = "Saisissez l'identifiant et le mot de passe.",
        ["Second factor"] = "Second facteur",
        ["Authentication code"] = "Code d'authentification",
        ["The 6-digit code from your authenticator app."] = "Le code à 6 chiffres de votre application d'authentification.",
        ["Or a recovery code"] = "Ou un code de secours",
        ["Verify"] = "Vérifier",
        ["The code is wrong."] = "Le code est incorrect.",
        ["Set up your authenticator"] = "Configurer votre application d'authentification",
        ["Your role requires a second factor. Scan this code with an authenticator app, or type the key, then enter the code it shows."] =
            "Votre rôle exige un second facteur. Scannez ce code avec une application d'authentification, ou saisissez la clé, puis entrez le code affiché.",
        ["Key"] = "Clé",
        ["QR code for your authenticator app"] = "Code QR pour votre application d'authentification",
        ["Recovery codes"] = "Codes de secours",
        ["Keep these codes somewhere safe. Each one signs you in once if you lose your authenticator."] =
            "Conservez ces codes en lieu sûr. Chacun permet une connexion si vous perdez votre application.",
        ["Second factor enabled."] = "Second facteur activé.",
        ["Continue"] = "Continuer",
        ["Welcome to Passerelle"] = "Bienvenue sur Passerelle",
        ["The customs–police cooperation hub."] = "La plateforme de coopération douane–police.",
        ["Your roles"] = "Vos rôles",
        ["Code"] = "Code",
        ["Name"] = "Nom",
        ["Kind"] = "Type",
        ["Country"] = "Pays",
        ["Verified"] = "Vérifiée",
        ["Add an agency"] = "Ajouter une agence",
        ["Add"] = "Ajouter",
        ["Agency"] = "Agence",
        ["Roles"] = "Rôles",
        ["Second factor enrolled"] = "Second facteur activé",
        ["Disabled"] = "Désactivé",
        ["Disable"] = "Désactiver",
        ["Add a person"] = "Ajouter une personne",
        ["Yes"] = "Oui",
        ["No"] = "Non",
        ["Create a token"] = "Créer un jeton",
        ["Create"] = "Créer",
        ["User"] = "Utilisateur",
        ["Scopes"] = "Portées",
        ["Expires in days"] = "Expire dans (jours)",
        ["Expires"] = "Expire",
        ["Last used"] = "Dernière utilisation",
        ["Revoked"] = "Révoqué",
        ["Revoke"] = "Révoquer",
        ["Copy this token now. It will not be shown again."] = "Copiez ce jeton maintenant. Il ne sera plus affiché.",
        ["From (UTC)"] = "Du (UTC)",
        ["To (UTC)"] = "Au (UTC)",
        ["Operation"] = "Opération",
        ["Target"] = "Cible",
        ["Filter"] = "Filtrer",
        ["Export JSON Lines"] = "Exporter en JSON Lines",
        ["Export CSV"] = "Exporter en CSV",
        ["Verify the chain"] = "Vérifier la chaîne",
        ["When"] = "Quand",
        ["Who"] = "Qui",
        ["Outcome"] = "Résultat",
        ["Purpose"] = "Finalité",
        ["Details"] = "Détails",
        ["No entries match."] = "Aucune entrée ne correspond.",
        ["The chain is intact: {0} entries checked."] = "La chaîne est intacte : {0} entrées vérifiées.",
        ["The chain is broken at entry {0}: {1}"] = "La chaîne est rompue à l'entrée {0} : {1}",
        ["Older entries"] = "Entrées plus anciennes",
        ["You may not see this page."] = "Vous n'avez pas accès à cette page.",
        ["Access denied"] = "Accès refusé",
        ["Nothing to show."] = "Rien à afficher.",
        ["Evidence of verification"] = "Preuve de vérification",
    };
}
