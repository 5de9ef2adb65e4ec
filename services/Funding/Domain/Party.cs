namespace Paradiplomacy.Funding.Domain;

/// <summary>Which side of a partnership a source belongs to, for co-funding shares.</summary>
public enum Party
{
    Unspecified,
    Indonesian,
    Foreign,
    ThirdParty,
}
