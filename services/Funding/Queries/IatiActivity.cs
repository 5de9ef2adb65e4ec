using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Funding.Data;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Funding.Queries;

/// <summary>A program's money as an IATI activity (standard 2.03): its budgets per fiscal year and its
/// transactions with IATI's type codes, each in its original currency with its value date, and the
/// funder as provider. For the funders who report in IATI (JICA, the EU, USAID). The parties' view: no
/// payees, no people.</summary>
public sealed class IatiActivity(FundingDbContext db, FundingQueries queries)
{
    public async Task<Google.Api.HttpBody> ExportAsync(string programId, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var (program, view) = await queries.VisibleAsync(programId, context);
        if (view is not (FundingView.Full or FundingView.Party))
        {
            throw new PermissionDeniedException("The IATI export is for the program's parties, its region and the ministries; the figures are public.");
        }
        var funding = await db.Fundings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == programId, ct) ?? throw new NotFoundException("ProgramFunding", programId);
        var entries = await db.Ledger.AsNoTracking().Where(e => e.ProgramId == programId && e.Line == 1).OrderBy(e => e.Id).ToListAsync(ct);
        var sources = await queries.SourcesAsync(entries.Select(e => e.SourceId).Where(s => s.Length > 0), ct);

        var reporter = $"ID-KDN-{program.RegionCode}";
        var activity = new XElement("iati-activity",
            new XAttribute("default-currency", Currencies.Rupiah),
            new XAttribute("last-updated-datetime", funding.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XAttribute(XNamespace.Xml + "lang", "id"),
            new XElement("iati-identifier", $"{reporter}-{program.ProgramId}"),
            new XElement("reporting-org", new XAttribute("ref", reporter), new XAttribute("type", "10"), Narrative($"Pemerintah Daerah {program.RegionCode}")),
            new XElement("title", Narrative(program.Title)),
            new XElement("activity-status", new XAttribute("code", ActivityStatus(program.Status))));
        if (program.StartDate is { } start)
        {
            activity.Add(new XElement("activity-date", new XAttribute("type", "1"), new XAttribute("iso-date", Iso(start))));
        }
        if (program.EndDate is { } end)
        {
            activity.Add(new XElement("activity-date", new XAttribute("type", "3"), new XAttribute("iso-date", Iso(end))));
        }
        // One budget per fiscal year (January to December); a revision is IATI's "revised" budget type.
        foreach (var year in funding.Budget.Lines.GroupBy(l => l.FiscalYear).OrderBy(g => g.Key))
        {
            activity.Add(new XElement("budget",
                new XAttribute("type", funding.Budget.Revision > 1 ? "2" : "1"),
                new XAttribute("status", funding.Budget.IsApproved ? "2" : "1"),
                new XElement("period-start", new XAttribute("iso-date", Iso(new DateOnly(year.Key, 1, 1)))),
                new XElement("period-end", new XAttribute("iso-date", Iso(new DateOnly(year.Key, 12, 31)))),
                Value(year.Sum(l => l.Value.IdrMinor), Currencies.Rupiah, new DateOnly(year.Key, 1, 1))));
        }
        foreach (var e in entries)
        {
            var transaction = new XElement("transaction",
                new XAttribute("ref", e.TransactionId),
                new XElement("transaction-type", new XAttribute("code", ((int)e.Kind).ToString(CultureInfo.InvariantCulture))),
                new XElement("transaction-date", new XAttribute("iso-date", Iso(e.ValueDate))),
                // A reversal is the same type with the opposite sign, as IATI records corrections.
                Value(e.Reverses is null ? e.AmountMinor : -e.AmountMinor, e.Currency, e.RateDate),
                new XElement("description", Narrative(e.Description)));
            if (sources.TryGetValue(e.SourceId, out var source))
            {
                var provider = new XElement("provider-org", Narrative(source.Name));
                if (source.IatiOrgRef is { } orgRef)
                {
                    provider.Add(new XAttribute("ref", orgRef));
                }
                transaction.Add(provider);
            }
            activity.Add(transaction);
        }
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("iati-activities", new XAttribute("version", "2.03"),
                new XAttribute("generated-datetime", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)), activity));
        var xml = new StringBuilder();
        await using (var writer = new Utf8StringWriter(xml))
        {
            document.Save(writer);
        }
        return new Google.Api.HttpBody { ContentType = "application/xml", Data = Google.Protobuf.ByteString.CopyFromUtf8(xml.ToString()) };
    }

    private static XElement Narrative(string text) => new("narrative", text);

    private static XElement Value(long minor, string currency, DateOnly valueDate) => new("value",
        new XAttribute("currency", currency), new XAttribute("value-date", Iso(valueDate)),
        new Money(minor, currency).Major.ToString("F" + Currencies.Exponent(currency), CultureInfo.InvariantCulture));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>IATI's activity status codes: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended.</summary>
    private static string ActivityStatus(string status) => status switch
    {
        "Planned" or "Approved" => "1",
        "InProgress" => "2",
        "Postponed" => "6",
        "Completed" => "4",
        "Cancelled" => "5",
        _ => "1",
    };

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
