using Passerelle.Core.Standards;
using Passerelle.Localization;

namespace Passerelle.Pages.TravelDocuments;

/// <summary>A document check's reason in the person's language, from its stable code and the value at fault.</summary>
public static class DocumentCheckText
{
    public static string Describe(DocumentCheckReason reason, UiText text) =>
        DocumentCheck.Messages.TryGetValue(reason.Code, out var template)
            ? text.Format(template, reason.Value ?? "") : reason.Message;
}
