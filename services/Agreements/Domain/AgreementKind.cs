namespace Paradiplomacy.Agreements.Domain;

public enum AgreementKind
{
    SisterCity = 1,
    SisterProvince = 2,
    TechnicalCooperation = 3,
}
