using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Funding.Data;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.Funding.Grpc;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Queries;

/// <summary>The funding reads, each cut to what the caller may see (<see cref="ProgramFunding.ViewOf"/>):
/// a planned program's money is NOT_FOUND outside its region; the ledger, expenditures and receipts reach
/// only the region's officers and finance approvers and the ministries.</summary>
public sealed class FundingQueries(FundingDbContext db, ProgramDirectory programs)
{
    public static readonly string[] SourceFilterFields = ["kind", "region"];
    public static readonly string[] TransactionFilterFields = ["figure", "kind", "source", "category", "year"];

    public async Task<IReadOnlyDictionary<string, FundingSource>> SourcesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Sources.AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
    }

    public async Task<V1.ProgramFunding> GetAsync(string programId, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var (program, view) = await VisibleAsync(programId, context);
        var funding = await db.Fundings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == programId, ct);
        var sources = await SourcesAsync(funding?.Balances.Select(b => b.SourceId).Where(s => s.Length > 0) ?? [], ct);
        return funding.ToProto(program, view, sources);
    }

    /// <summary>The program and the caller's view of its money; NOT_FOUND when they may see none of it.</summary>
    public async Task<(FundedProgram Program, FundingView View)> VisibleAsync(string programId, ServerCallContext context)
    {
        Ids.Check("program_id", programId);
        var program = await programs.FindAsync(programId, context);
        var view = ProgramFunding.ViewOf(context.Caller(), program);
        return view == FundingView.None ? throw new NotFoundException("ProgramFunding", programId) : (program, view);
    }

    public async Task<V1.FundingSource> GetSourceAsync(string id, CancellationToken ct)
    {
        Ids.Check("id", id);
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("FundingSource", id);
        return source.ToProto();
    }

    public async Task<V1.ListFundingSourcesResponse> ListSourcesAsync(IReadOnlyDictionary<string, string> terms, PageRequest page, CancellationToken ct)
    {
        var query = db.Sources.AsNoTracking();
        if (terms.TryGetValue("kind", out var kind))
        {
            var parsed = FilterTerms.ParseEnum<SourceKind>("kind", kind);
            query = query.Where(s => s.Kind == parsed);
        }
        if (terms.TryGetValue("region", out var region))
        {
            // A region's own sources and the national catalogue it may also draw on.
            query = query.Where(s => s.RegionCode == region || s.RegionCode == null);
        }
        var total = await query.CountAsync(ct);
        var sources = await query.OrderBy(s => s.RegionCode != null).ThenBy(s => s.Name).ThenBy(s => s.Id).Skip(page.Offset).Take(page.Size).ToListAsync(ct);
        var response = new V1.ListFundingSourcesResponse { TotalSize = total, NextPageToken = page.NextToken(sources.Count, page.Offset + sources.Count < total) };
        response.Sources.AddRange(sources.Select(s => s.ToProto()));
        return response;
    }

    public async Task<V1.ListExchangeRatesResponse> ListRatesAsync(string currency, DateOnly? from, DateOnly? to, PageRequest page, CancellationToken ct)
    {
        var query = db.ExchangeRates.AsNoTracking().Where(r => r.Currency == currency);
        if (from is { } f)
        {
            query = query.Where(r => r.Date >= f);
        }
        if (to is { } t)
        {
            query = query.Where(r => r.Date <= t);
        }
        var rates = await query.OrderByDescending(r => r.Date).Skip(page.Offset).Take(page.Size + 1).ToListAsync(ct);
        var response = new V1.ListExchangeRatesResponse { NextPageToken = page.NextToken(Math.Min(rates.Count, page.Size), rates.Count > page.Size) };
        response.Rates.AddRange(rates.Take(page.Size).Select(r => r.ToProto()));
        return response;
    }

    /// <summary>The ledger of a program, oldest first, with the sum of the figure the filter names over every
    /// matching entry: what makes a figure traceable to the entries behind it.</summary>
    public async Task<V1.ListTransactionsResponse> ListTransactionsAsync(string programId, IReadOnlyDictionary<string, string> terms, PageRequest page, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var (_, view) = await VisibleAsync(programId, context);
        RequireFull(view, "The ledger is shown only to the region's officers and finance approvers and the ministries; the figures are public.");
        var entries = db.Ledger.AsNoTracking().Where(e => e.ProgramId == programId);
        Figure? figure = null;
        if (terms.TryGetValue("figure", out var figureText))
        {
            figure = FilterTerms.ParseEnum<Figure>("figure", figureText);
            entries = figure switch
            {
                Figure.Committed => entries.Where(e => e.Account == Account.Pledged),
                Figure.Disbursed => entries.Where(e => e.Account == Account.Cash && e.SourceId != string.Empty),
                Figure.Spent => entries.Where(e => e.Account == Account.Expense),
                _ => entries.Where(e => e.Account == Account.Cash),
            };
        }
        if (terms.TryGetValue("kind", out var kind))
        {
            var parsed = FilterTerms.ParseEnum<TransactionKind>("kind", kind);
            entries = entries.Where(e => e.Kind == parsed);
        }
        if (terms.TryGetValue("source", out var source))
        {
            entries = entries.Where(e => e.SourceId == source);
        }
        if (terms.TryGetValue("category", out var category))
        {
            var parsed = FilterTerms.ParseEnum<BudgetCategory>("category", category);
            entries = entries.Where(e => e.Category == parsed);
        }
        if (terms.TryGetValue("year", out var yearText))
        {
            if (!int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            {
                throw new ValidationException(FilterTerms.FieldName, $"year takes a fiscal year such as 2027, not '{yearText}'");
            }
            entries = entries.Where(e => e.FiscalYear == year);
        }

        var ids = await entries.GroupBy(e => e.TransactionId).Select(g => new { Id = g.Key, First = g.Min(e => e.Id) })
            .OrderBy(x => x.First).Skip(page.Offset).Take(page.Size + 1).Select(x => x.Id).ToListAsync(ct);
        var pageIds = ids.Take(page.Size).ToList();
        var lines = await db.Ledger.AsNoTracking().Where(e => pageIds.Contains(e.TransactionId)).OrderBy(e => e.Id).ToListAsync(ct);
        var reversals = await db.Ledger.AsNoTracking().Where(e => e.Reverses != null && pageIds.Contains(e.Reverses))
            .Select(e => new { e.Reverses, e.TransactionId }).Distinct().ToDictionaryAsync(e => e.Reverses!, e => e.TransactionId, ct);
        var response = new V1.ListTransactionsResponse { NextPageToken = page.NextToken(pageIds.Count, ids.Count > page.Size) };
        response.Transactions.AddRange(lines.GroupBy(l => l.TransactionId).OrderBy(g => g.Min(l => l.Id))
            .Select(g => g.ToList().ToProto(reversals.GetValueOrDefault(g.Key), full: true)));
        if (figure is not null)
        {
            var signed = await entries.SumAsync(e => e.Debit ? e.IdrMinor : -e.IdrMinor, ct);
            response.FigureTotal = FundingMapper.Idr(figure == Figure.Committed ? -signed : signed);
        }
        return response;
    }

    public async Task<Google.Api.HttpBody> DownloadReceiptAsync(string programId, string expenditureId, string receiptId, ServerCallContext context)
    {
        var (_, view) = await VisibleAsync(programId, context);
        RequireFull(view, "Receipts are shown only to the region's officers and finance approvers and the ministries.");
        var funding = await db.Fundings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == programId, context.CancellationToken) ?? throw new NotFoundException("Expenditure", expenditureId);
        var receipt = funding.Expenditures.FirstOrDefault(e => e.Id == expenditureId)?.Receipts.FirstOrDefault(r => r.Id == receiptId)
                      ?? throw new NotFoundException("Receipt", receiptId);
        var content = await db.ReceiptContents.AsNoTracking().FirstAsync(c => c.ReceiptId == receipt.Id, context.CancellationToken);
        return new Google.Api.HttpBody { ContentType = receipt.ContentType, Data = Google.Protobuf.ByteString.CopyFrom(content.Data) };
    }

    public static void RequireFull(FundingView view, string message)
    {
        if (view != FundingView.Full)
        {
            throw new PermissionDeniedException(message);
        }
    }
}
