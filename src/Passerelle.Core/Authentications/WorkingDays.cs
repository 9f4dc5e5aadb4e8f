namespace Passerelle.Core.Authentications;

/// <summary>Deadlines counted in working days, as the customs rules count a rights holder's reply period.</summary>
public static class WorkingDays
{
    /// <summary>
    /// The day <paramref name="days"/> working days (Monday to Friday) after <paramref name="from"/>.
    /// </summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return day;
    }
}
