using Microsoft.EntityFrameworkCore;

namespace Paradiplomacy.ServiceDefaults.Projections;

/// <summary>A service database that keeps its own copy of the agreements (mapped by <see cref="AgreementProjectionModel"/>).</summary>
public interface IAgreementProjection
{
    DbSet<PartnerAgreement> Agreements { get; }
}
