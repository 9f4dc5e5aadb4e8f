namespace Passerelle.Pages;

/// <summary>One labelled input with its error beside it.</summary>
public sealed record FieldView(
    PasserellePage Page,
    string Name,
    string Label,
    string? Value = null,
    string Type = "text",
    string Autocomplete = "off",
    bool Required = false);
