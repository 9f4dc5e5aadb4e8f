namespace Passerelle.Core.Demo;

/// <summary><c>Demo:Seed</c>: seed the demo world into an empty database at start-up, as <c>--demo</c> asks.</summary>
public sealed class DemoSettings
{
    public const string Section = "Demo";

    public bool Seed { get; set; }
}
