using System.Globalization;
using System.Security.Cryptography;
using Google.Api;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Paradiplomacy.Funding.Data;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.Funding.Queries;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Grpc;

/// <summary>The funding contract: checks the caller, then the request, then moves money through the
/// write path (the program's funding decides, its writers one at a time), or reads through the queries.
/// Every money-moving request carries a request id: a retry returns what the first one did.</summary>
public sealed class FundingService(
    FundingDbContext db,
    AggregateWriter<ProgramFunding> writer,
    AggregateWriter<FundingSource> sourceWriter,
    ProgramDirectory directory,
    RateTable rates,
    RequestGuard requests,
    FundingQueries queries,
    FundingReports reports,
    IatiActivity iati,
    TimeProvider clock) : V1.Funding.FundingBase
{
    private DateOnly Today => CalendarDay.InIndonesia(clock.GetUtcNow());

    // ---- catalogue and rates ----

    [Authorize]
    public override async Task<V1.FundingSource> CreateFundingSource(V1.CreateFundingSourceRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var input = request.Source ?? new V1.FundingSource();
        if (!caller.HasRole(Roles.RegionalOfficer))
        {
            throw new PermissionDeniedException("A regional officer adds sources for their own region; the national catalogue is the platform's.");
        }
        var violations = new Violations().RejectOutputOnly(input, "source").RequestId(request.RequestId);
        var kind = violations.Enum<V1.SourceKind, SourceKind>("source.kind", input.Kind);
        violations.ThrowIfAny();
        if (await sourceWriter.FindCreatedAsync(request.RequestId, caller, ct) is { } earlier)
        {
            return earlier.ToProto();
        }
        var region = input.RegionCode.Length == 0 ? caller.RegionCode : input.RegionCode;
        var source = FundingSource.Add(ProgramFunding.NewId("src"), kind, input.Name, region, input.PartnerCityId, input.IatiOrgRef,
            input.DefaultCurrency.Length == 0 ? Currencies.Rupiah : input.DefaultCurrency, caller, Ids.OrNull(request.RequestId), clock.GetUtcNow());
        await sourceWriter.AddAsync(source, caller.Describe(), "create", ct);
        return source.ToProto();
    }

    public override Task<V1.FundingSource> GetFundingSource(V1.GetFundingSourceRequest request, ServerCallContext context) =>
        queries.GetSourceAsync(request.Id, context.CancellationToken);

    public override async Task<V1.ListFundingSourcesResponse> ListFundingSources(V1.ListFundingSourcesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, FundingQueries.SourceFilterFields);
        return await queries.ListSourcesAsync(terms, Paging.Start(size, request.PageToken, request.Filter), context.CancellationToken);
    }

    /// <summary>Publishes a rate. A rate is a fact of its day: publishing the same again is harmless, a
    /// different one for the same day is refused (booked amounts keep the rate they used).</summary>
    [Authorize]
    public override async Task<V1.ExchangeRate> SetExchangeRate(V1.SetExchangeRateRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        if (!caller.HasRole(Roles.FinanceApprover))
        {
            throw new PermissionDeniedException("Exchange rates are published by finance approvers.");
        }
        var input = request.Rate ?? new V1.ExchangeRate();
        var violations = new Violations().RejectOutputOnly(input, "rate");
        if (!Currencies.IsKnown(input.Currency) || input.Currency == Currencies.Rupiah)
        {
            violations.Add("rate.currency", "an ISO 4217 currency code other than IDR (the rate is rupiah per unit)");
        }
        var date = input.Date.ToDateOnly("rate.date", violations);
        if (date is null)
        {
            violations.Add("rate.date", "is required");
        }
        else if (date > Today || date.Value.Year < 2000)
        {
            violations.Add("rate.date", $"a rate is published for a day that has come, from 2000 to {Today:yyyy-MM-dd}");
        }
        if (!decimal.TryParse(input.IdrPerUnit, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1_000_000_000m
            || decimal.Round(value, 8) != value)
        {
            violations.Add("rate.idr_per_unit", "a positive decimal such as \"17250.35\" (at most 8 decimal places, no exponent)");
        }
        violations.Required("rate.source", input.Source).MaxLength("rate.source", input.Source, ExchangeRate.MaxSource).ThrowIfAny();

        var existing = await db.ExchangeRates.AsNoTracking().FirstOrDefaultAsync(r => r.Currency == input.Currency && r.Date == date!.Value, ct);
        if (existing is not null)
        {
            return existing.IdrPerUnit == value
                ? existing.ToProto()
                : throw new AlreadyExistsException($"The {input.Currency} rate of {date:yyyy-MM-dd} is published already ({existing.IdrPerUnit.ToString(CultureInfo.InvariantCulture)} from {existing.Source}); a published rate is not changed.");
        }
        var rate = new ExchangeRate { Currency = input.Currency, Date = date!.Value, IdrPerUnit = value, Source = input.Source.Trim(), RecordedBy = caller.Describe(), RecordedAt = clock.GetUtcNow() };
        db.ExchangeRates.Add(rate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new AlreadyExistsException($"The {input.Currency} rate of {date:yyyy-MM-dd} was published just now; read it and try again.");
        }
        return rate.ToProto();
    }

    public override async Task<V1.ListExchangeRatesResponse> ListExchangeRates(V1.ListExchangeRatesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        if (!Currencies.IsKnown(request.Currency))
        {
            violations.Add("currency", "an ISO 4217 currency code (EUR, JPY, USD...)");
        }
        var from = request.FromDate.ToDateOnly("from_date", violations);
        var to = request.ToDate.ToDateOnly("to_date", violations);
        violations.ThrowIfAny();
        return await queries.ListRatesAsync(request.Currency, from, to, Paging.Start(size, request.PageToken, $"{request.Currency}|{from}|{to}"), context.CancellationToken);
    }

    // ---- a program's money ----

    public override Task<V1.ProgramFunding> GetProgramFunding(V1.GetProgramFundingRequest request, ServerCallContext context) =>
        queries.GetAsync(request.ProgramId, context);

    [Authorize]
    public override Task<V1.ProgramFunding> SetBudget(V1.SetBudgetRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgramId, request.Etag, context, "set_budget", async (f, program, caller) =>
        {
            var violations = new Violations();
            var lines = new List<(BudgetCategory Category, int Year, Money Amount, string Description)>();
            for (var i = 0; i < request.Lines.Count; i++)
            {
                var line = request.Lines[i];
                violations.RejectOutputOnly(line, $"lines[{i}]");
                var category = violations.Enum<V1.BudgetCategory, BudgetCategory>($"lines[{i}].category", line.Category);
                lines.Add((category, line.FiscalYear, line.Amount.ToMoney($"lines[{i}].amount", violations), line.Description ?? string.Empty));
            }
            violations.ThrowIfAny();
            var valued = new List<BudgetLine>();
            for (var i = 0; i < lines.Count; i++)
            {
                valued.Add(new BudgetLine(lines[i].Category, lines[i].Year, await rates.ValueAsync(lines[i].Amount, Today, $"lines[{i}].amount", context.CancellationToken), lines[i].Description.Trim()));
            }
            f.SetBudget(valued, program, caller, clock.GetUtcNow());
        });

    [Authorize]
    public override Task<V1.ProgramFunding> ApproveBudget(V1.ApproveBudgetRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgramId, request.Etag, context, "approve_budget", (f, _, caller) =>
        {
            f.ApproveBudget(caller, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    [Authorize]
    public override Task<V1.ProgramFunding> RecordCommitment(V1.RecordCommitmentRequest request, ServerCallContext context)
    {
        var input = request.Commitment ?? new V1.Commitment();
        return MoveMoneyAsync(request.ProgramId, request.RequestId, context, "record_commitment", async (f, program, caller) =>
        {
            var violations = new Violations().RejectOutputOnly(input, "commitment");
            var amount = input.Amount.ToMoney("commitment.amount", violations);
            var committedOn = input.CommittedOn.ToDateOnly("commitment.committed_on", violations) ?? Today;
            if (CalendarDay.IsFuture(committedOn, clock.GetUtcNow()))
            {
                violations.Add("commitment.committed_on", "a pledge is recorded once made: not a date in the future");
            }
            var source = await SourceAsync(input.SourceId, "commitment.source_id", violations, context.CancellationToken);
            violations.ThrowIfAny();
            var value = await rates.ValueAsync(amount, committedOn, "commitment.amount", context.CancellationToken);
            var fiscalYear = input.FiscalYear == 0 ? committedOn.Year : input.FiscalYear;
            return f.RecordCommitment(ProgramFunding.NewId("cmt"), source!, value, fiscalYear, committedOn, input.InKind, input.ValuationBasis, input.Reference,
                program, caller, clock.GetUtcNow()).Id;
        });
    }

    [Authorize]
    public override Task<V1.ProgramFunding> PlanTranche(V1.PlanTrancheRequest request, ServerCallContext context)
    {
        var input = request.Tranche ?? new V1.Tranche();
        return MoveMoneyAsync(request.ProgramId, request.RequestId, context, "plan_tranche", async (f, program, caller) =>
        {
            var violations = new Violations().RejectOutputOnly(input, "tranche");
            var amount = input.Amount.ToMoney("tranche.amount", violations);
            var plannedDate = input.PlannedDate.ToDateOnly("tranche.planned_date", violations);
            if (plannedDate is null)
            {
                violations.Add("tranche.planned_date", "is required");
            }
            var source = await SourceAsync(input.SourceId, "tranche.source_id", violations, context.CancellationToken);
            violations.ThrowIfAny();
            // Valued at today's rate until paid, when the rate of the payment's day books it.
            var value = await rates.ValueAsync(amount, Today, "tranche.amount", context.CancellationToken);
            var fiscalYear = input.FiscalYear == 0 ? plannedDate!.Value.Year : input.FiscalYear;
            return f.PlanTranche(ProgramFunding.NewId("trn"), source!, value, fiscalYear, plannedDate!.Value, input.Description, program, caller, clock.GetUtcNow()).Id;
        });
    }

    [Authorize]
    public override Task<V1.ProgramFunding> RequestDisbursement(V1.RequestDisbursementRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgramId, request.Etag, context, "request_disbursement", (f, program, caller) =>
        {
            f.RequestDisbursement(request.TrancheId, program, caller, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    [Authorize]
    public override Task<V1.ProgramFunding> ApproveDisbursement(V1.ApproveDisbursementRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgramId, request.Etag, context, "approve_disbursement", (f, program, caller) =>
        {
            f.ApproveDisbursement(request.TrancheId, program, caller, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    [Authorize]
    public override Task<V1.ProgramFunding> RejectDisbursement(V1.RejectDisbursementRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgramId, request.Etag, context, "reject_disbursement", (f, _, caller) =>
        {
            f.RejectDisbursement(request.TrancheId, request.Reason, caller, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    [Authorize]
    public override Task<V1.ProgramFunding> RecordDisbursementPaid(V1.RecordDisbursementPaidRequest request, ServerCallContext context) =>
        MoveMoneyAsync(request.ProgramId, request.RequestId, context, "record_paid", async (f, program, caller) =>
        {
            var violations = new Violations();
            var paidOn = request.PaidOn.ToDateOnly("paid_on", violations) ?? Today;
            violations.ThrowIfAny();
            var tranche = f.Tranches.FirstOrDefault(t => t.Id == request.TrancheId) ?? throw new NotFoundException("Tranche", request.TrancheId);
            var paid = await rates.ValueAsync(tranche.Planned.Original, paidOn, "paid_on", context.CancellationToken);
            f.RecordPaid(tranche.Id, paid, paidOn, program, caller, clock.GetUtcNow());
            return tranche.Id;
        });

    [Authorize]
    public override Task<V1.ProgramFunding> RecordExpenditure(V1.RecordExpenditureRequest request, ServerCallContext context)
    {
        var input = request.Expenditure ?? new V1.Expenditure();
        return MoveMoneyAsync(request.ProgramId, request.RequestId, context, "record_expenditure", async (f, program, caller) =>
        {
            var violations = new Violations().RejectOutputOnly(input, "expenditure");
            var category = violations.Enum<V1.BudgetCategory, BudgetCategory>("expenditure.category", input.Category);
            var amount = input.Amount.ToMoney("expenditure.amount", violations);
            var spentOn = input.SpentOn.ToDateOnly("expenditure.spent_on", violations);
            if (spentOn is null)
            {
                violations.Add("expenditure.spent_on", "is required");
            }
            else if (input.FiscalYear != 0 && input.FiscalYear != spentOn.Value.Year)
            {
                violations.Add("expenditure.fiscal_year", $"an expenditure of {spentOn:yyyy-MM-dd} belongs to fiscal year {spentOn.Value.Year} (January to December)");
            }
            violations.ThrowIfAny();
            var value = await rates.ValueAsync(amount, spentOn!.Value, "expenditure.amount", context.CancellationToken);
            return f.RecordExpenditure(ProgramFunding.NewId("exp"), category, value, spentOn.Value, input.Description, input.Payee, input.RequestOverrun,
                program, caller, clock.GetUtcNow()).Id;
        });
    }

    [Authorize]
    public override Task<V1.ProgramFunding> ApproveExpenditure(V1.ApproveExpenditureRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgramId, request.Etag, context, "approve_expenditure", (f, _, caller) =>
        {
            f.ApproveExpenditure(request.ExpenditureId, request.AllowOverrun, caller, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    [Authorize]
    public override Task<V1.ProgramFunding> RejectExpenditure(V1.RejectExpenditureRequest request, ServerCallContext context) =>
        ChangeAsync(request.ProgramId, request.Etag, context, "reject_expenditure", (f, _, caller) =>
        {
            f.RejectExpenditure(request.ExpenditureId, request.Reason, caller, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    [Authorize]
    public override async Task<V1.Receipt> AttachReceipt(V1.AttachReceiptRequest request, ServerCallContext context)
    {
        var content = request.Content ?? new HttpBody();
        var contentType = content.ContentType.Split(';')[0].Trim();
        var data = content.Data.ToByteArray();
        Receipt? attached = null;
        await ChangeAsync(request.ProgramId, null, context, "attach_receipt", (f, _, caller) =>
        {
            Receipt.Check(request.FileName, contentType, data, new Violations()).ThrowIfAny();
            var receipt = new Receipt(ProgramFunding.NewId("rct"), request.FileName.Trim(), contentType, data.Length,
                Convert.ToHexStringLower(SHA256.HashData(data)), caller.Describe(), clock.GetUtcNow());
            attached = f.AttachReceipt(request.ExpenditureId, receipt, caller, clock.GetUtcNow());
            db.ReceiptContents.Add(new ReceiptContent { ReceiptId = receipt.Id, ProgramId = f.Id, Data = data });
            return Task.CompletedTask;
        });
        return attached!.ToProto();
    }

    public override async Task<HttpBody> DownloadReceipt(V1.DownloadReceiptRequest request, ServerCallContext context)
    {
        var body = await queries.DownloadReceiptAsync(request.ProgramId, request.ExpenditureId, request.ReceiptId, context);
        context.GetHttpContext().Response.Headers.ContentDisposition = $"attachment; filename=\"{request.ReceiptId}{Extension(body.ContentType)}\"";
        return body;
    }

    [Authorize]
    public override Task<V1.ProgramFunding> ReverseTransaction(V1.ReverseTransactionRequest request, ServerCallContext context) =>
        MoveMoneyAsync(request.ProgramId, request.RequestId, context, "reverse", (f, _, caller) =>
        {
            Ids.Check("transaction_id", request.TransactionId);
            return Task.FromResult(f.Reverse(request.TransactionId, request.Reason, caller, clock.GetUtcNow()));
        });

    public override async Task<V1.ListTransactionsResponse> ListTransactions(V1.ListTransactionsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, FundingQueries.TransactionFilterFields);
        return await queries.ListTransactionsAsync(request.ProgramId, terms, Paging.Start(size, request.PageToken, $"{request.ProgramId}|{request.Filter}"), context);
    }

    public override Task<V1.FundingReport> GetFundingReport(V1.GetFundingReportRequest request, ServerCallContext context) =>
        reports.ReportAsync(request, context.Caller(), context.CancellationToken);

    public override async Task<HttpBody> DownloadIatiActivity(V1.DownloadIatiActivityRequest request, ServerCallContext context)
    {
        var body = await iati.ExportAsync(request.ProgramId, context);
        context.GetHttpContext().Response.Headers.ContentDisposition = $"attachment; filename=\"iati-{request.ProgramId}.xml\"";
        return body;
    }

    // ---- the write path of a program's money ----

    /// <summary>A money-moving change: a request id is required, and a retry with it (same caller, same
    /// action) returns the funding as it stands, booking nothing again. <paramref name="change"/> returns
    /// what it made or moved, remembered with the request id in the same transaction.</summary>
    private Task<V1.ProgramFunding> MoveMoneyAsync(string programId, string requestId, ServerCallContext context, string action,
        Func<ProgramFunding, FundedProgram, Caller, Task<string>> change)
    {
        var violations = new Violations().RequestId(requestId);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            violations.Add("request_id", "is required: money moves once, and a retry with the same request_id returns the first result");
        }
        return ChangeAsync(programId, null, context, action, async (f, program, caller) =>
        {
            violations.ThrowIfAny();
            if (await requests.EarlierAsync(f.Id, requestId, caller, action, context.CancellationToken) is not null)
            {
                return;
            }
            var target = await change(f, program, caller);
            requests.Remember(f.Id, requestId, caller, action, target);
        });
    }

    /// <summary>Finds the program, checks the caller may act on its money at all (before anything about the
    /// request), opens its funding on first use, then changes it through the write path, serialized.</summary>
    private async Task<V1.ProgramFunding> ChangeAsync(string programId, string? etag, ServerCallContext context, string action,
        Func<ProgramFunding, FundedProgram, Caller, Task> change)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        Ids.Check("program_id", programId);
        var program = await directory.FindAsync(programId, context);
        ProgramFunding.Open(program, clock.GetUtcNow()).AuthorizeChange(caller);
        await OpenAsync(program, caller, ct);
        var funding = await writer.ChangeAsync(programId, etag, caller, action, f => change(f, program, caller), ct);
        var sources = await queries.SourcesAsync(funding.Balances.Select(b => b.SourceId).Where(s => s.Length > 0), ct);
        return funding.ToProto(program, ProgramFunding.ViewOf(caller, program), sources);
    }

    /// <summary>A program's funding exists from its first money-related change; two first changes at once
    /// open it once.</summary>
    private async Task OpenAsync(FundedProgram program, Caller caller, CancellationToken ct)
    {
        if (await db.Fundings.AnyAsync(f => f.Id == program.ProgramId, ct))
        {
            return;
        }
        try
        {
            await writer.AddAsync(ProgramFunding.Open(program, clock.GetUtcNow()), caller.Describe(), "open", ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Opened by a concurrent first change: the change below loads that one.
        }
        finally
        {
            // The change loads the funding afresh under its row lock.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<FundingSource?> SourceAsync(string id, string field, Violations violations, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            violations.Add(field, "is required (a source of the catalogue: ListFundingSources)");
            return null;
        }
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null)
        {
            violations.Add(field, $"no source '{id}' in the catalogue");
        }
        return source;
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => string.Empty,
    };
}
