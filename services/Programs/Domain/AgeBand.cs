namespace Paradiplomacy.Programs.Domain;

/// <summary>Age in bands: enough for reports, less personal than a birth date.</summary>
public enum AgeBand
{
    Under18 = 1,
    Age18To24 = 2,
    Age25To34 = 3,
    Age35To44 = 4,
    Age45To59 = 5,
    Age60AndOver = 6,
}
