namespace Paradiplomacy.Agreements.Domain;

public enum VersionRelation
{
    Original = 1,
    Renewal = 2,
    Amendment = 3,
}
