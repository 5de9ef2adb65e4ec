namespace Paradiplomacy.Agreements.Domain;

/// <summary>A signed text: the Letter of Intent or the MoU / agreement, with each side's signatory.</summary>
public sealed record Instrument(InstrumentType Type, Signatory IndonesianSignatory, Signatory ForeignSignatory)
{
    public DateOnly SignedOn => IndonesianSignatory.SignedOn > ForeignSignatory.SignedOn ? IndonesianSignatory.SignedOn : ForeignSignatory.SignedOn;
}
