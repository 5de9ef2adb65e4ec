namespace Paradiplomacy.Agreements.Domain;

public enum InstrumentType
{
    LetterOfIntent = 1,
    MemorandumOfUnderstanding = 2,
    CooperationAgreement = 3,
}
