namespace Passerelle.Core.Alerts;

/// <summary>An alert is active until its owner closes it; an active alert also ends on its expiry date.</summary>
public enum AlertStatus
{
    Active,
    Closed,
}
