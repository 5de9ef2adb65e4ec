using System.Xml.Linq;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static Paradiplomacy.Funding.Tests.Integration.FundingSetup;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Tests.Integration;

/// <summary>A program's money from budget to receipts, as DKI Jakarta and Rotterdam would run it, on the
/// real database and broker; every figure traced to its entries.</summary>
[Collection(FundingCollection.Name)]
public class FundingFlowTests(FundingFixture fixture)
{
    [Fact]
    public async Task Co_funded_in_rupiah_and_euros_the_figures_add_up_and_each_is_the_sum_of_its_entries()
    {
        await EuroRateAsync(fixture);
        var (program, apbd, _) = await FundedProgramAsync(fixture, "Pluit polder pumps", pledged: 500_000_000, paid: 200_000_000);
        var rotterdam = await SourceAsync(fixture, V1.SourceKind.PartnerGovernment, "Gemeente Rotterdam", "EUR", "gn-2747891");
        await fixture.Client.RecordCommitmentAsync(new V1.RecordCommitmentRequest
        {
            ProgramId = program, RequestId = NewRequest(), Commitment = new V1.Commitment { SourceId = rotterdam, Amount = Eur(30_000), Reference = "Brief van 12 januari" },
        }, fixture.Officer());
        await fixture.Client.RecordCommitmentAsync(new V1.RecordCommitmentRequest
        {
            ProgramId = program, RequestId = NewRequest(),
            Commitment = new V1.Commitment { SourceId = rotterdam, Amount = Eur(8_000), InKind = true, ValuationBasis = "Two hydrologists for ten days at the municipal day rate" },
        }, fixture.Officer());
        await PayAsync(fixture, program, rotterdam, Eur(10_000));
        await fixture.Client.RecordExpenditureAsync(Expenditure(program, 120_000_000, NewRequest()), fixture.Officer());
        var funding = await fixture.Client.RecordExpenditureAsync(new V1.RecordExpenditureRequest
        {
            ProgramId = program, RequestId = NewRequest(),
            Expenditure = new V1.Expenditure { Category = V1.BudgetCategory.Equipment, Amount = Eur(4_000, 50), SpentOn = Today, Description = "Sensor housings", Payee = "Van Oord" },
        }, fixture.Officer());

        const long euro = 17250_35; // sen per euro
        Assert.Equal(850_000_000_00, Minor(funding.Figures.Budget));
        Assert.Equal(500_000_000_00 + 38_000 * euro, Minor(funding.Figures.Committed));
        Assert.Equal(8_000 * euro, Minor(funding.Figures.CommittedInKind));
        Assert.Equal(200_000_000_00 + 10_000 * euro, Minor(funding.Figures.Disbursed));
        var equipment = (long)decimal.Round(4000.50m * 17250.35m * 100m, 0, MidpointRounding.AwayFromZero);
        Assert.Equal(120_000_000_00 + equipment, Minor(funding.Figures.Spent));
        Assert.Equal(Minor(funding.Figures.Disbursed) - Minor(funding.Figures.Spent), Minor(funding.Figures.Available));
        Assert.Equal(Math.Round((double)Minor(funding.Figures.Spent) / Minor(funding.Figures.Budget), 4), funding.Figures.AbsorptionRate);
        var rotterdamShare = funding.Sources.Single(s => s.SourceId == rotterdam);
        Assert.Equal((V1.Party.Foreign, 38_000 * euro, 10_000 * euro), (rotterdamShare.Party, Minor(rotterdamShare.Committed), Minor(rotterdamShare.Disbursed)));
        Assert.Equal(1.0, funding.Sources.Sum(s => s.Share), 3);
        // The euro amounts keep their currency and the rate they were booked at.
        var sensors = funding.Expenditures.Single(e => e.Category == V1.BudgetCategory.Equipment);
        Assert.Equal(("EUR", 4000L, 500_000_000, "17250.35"), (sensors.Amount.CurrencyCode, sensors.Amount.Units, sensors.Amount.Nanos, sensors.Value.Rate));

        // Every figure lists its entries, and they add up to it.
        foreach (var (figure, expected) in new[] { ("COMMITTED", funding.Figures.Committed), ("DISBURSED", funding.Figures.Disbursed), ("SPENT", funding.Figures.Spent), ("AVAILABLE", funding.Figures.Available) })
        {
            var listed = await fixture.Client.ListTransactionsAsync(new V1.ListTransactionsRequest { ProgramId = program, Filter = $"figure = {figure}", PageSize = 100 }, fixture.Officer());
            Assert.Equal(Minor(expected), Minor(listed.FigureTotal));
            Assert.NotEmpty(listed.Transactions);
        }
        var ledger = await fixture.Client.ListTransactionsAsync(new V1.ListTransactionsRequest { ProgramId = program, PageSize = 100 }, fixture.Officer());
        Assert.All(ledger.Transactions, t => Assert.Equal(t.Entries.Where(e => e.Debit).Sum(e => Minor(e.Amount.Idr)), t.Entries.Where(e => !e.Debit).Sum(e => Minor(e.Amount.Idr))));
        Assert.Equal([V1.TransactionKind.Commitment, V1.TransactionKind.Disbursement, V1.TransactionKind.IncomingCommitment, V1.TransactionKind.IncomingCommitment,
            V1.TransactionKind.IncomingFunds, V1.TransactionKind.Expenditure, V1.TransactionKind.Expenditure], ledger.Transactions.Select(t => t.Kind));

        // The report over the agreement says the same, in rupiah and in euros at today's rate.
        var report = await fixture.Client.GetFundingReportAsync(new V1.GetFundingReportRequest { ProgramId = program, GroupBy = V1.ReportGrouping.ByProgram });
        Assert.Equal(Minor(funding.Figures.Spent), Minor(report.Total.Spent));
        var inEuros = await fixture.Client.GetFundingReportAsync(new V1.GetFundingReportRequest { ProgramId = program, Currency = "EUR", GroupBy = V1.ReportGrouping.BySource });
        Assert.Equal("EUR", inEuros.Total.Committed.CurrencyCode);
        Assert.Equal(38_000, inEuros.Rows.Single(r => r.Key == rotterdam).Figures.Committed.Units);
        Assert.Equal(2, inEuros.Rows.Count);
        Assert.Contains(inEuros.Rows, r => r.Key == apbd);
    }

    [Fact]
    public async Task A_receipt_is_kept_checked_by_type_and_downloads_as_uploaded()
    {
        var (program, _, _) = await FundedProgramAsync(fixture, "Receipts", pledged: 50_000_000, paid: 20_000_000);
        var funding = await fixture.Client.RecordExpenditureAsync(Expenditure(program, 2_500_000, NewRequest()), fixture.Officer());
        var expenditure = funding.Expenditures.Single().Id;
        var pdf = "%PDF-1.7\nInvoice 2027/031 Garuda Indonesia\n%%EOF\n"u8.ToArray();
        var receipt = await fixture.Client.AttachReceiptAsync(new V1.AttachReceiptRequest
        {
            ProgramId = program, ExpenditureId = expenditure, FileName = "invoice-031.pdf", Content = new Google.Api.HttpBody { ContentType = "application/pdf", Data = ByteString.CopyFrom(pdf) },
        }, fixture.Officer());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), receipt.Sha256);
        var download = await fixture.Client.DownloadReceiptAsync(new V1.DownloadReceiptRequest { ProgramId = program, ExpenditureId = expenditure, ReceiptId = receipt.Id }, fixture.Officer());
        Assert.Equal(pdf, download.Data.ToByteArray());

        var fake = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => fixture.Client.AttachReceiptAsync(new V1.AttachReceiptRequest
        {
            ProgramId = program, ExpenditureId = expenditure, FileName = "../../etc/passwd",
            Content = new Google.Api.HttpBody { ContentType = "application/pdf", Data = ByteString.CopyFromUtf8("MZ not a pdf") },
        }, fixture.Officer()).ResponseAsync);
        Assert.Equal(["file_name", "content.data"], RpcAssert.ViolatedFields(fake));
        Assert.Equal(1, await fixture.WithDbAsync(db => db.ReceiptContents.CountAsync(c => c.ProgramId == program)));
        // The public never sees a receipt.
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            fixture.Client.DownloadReceiptAsync(new V1.DownloadReceiptRequest { ProgramId = program, ExpenditureId = expenditure, ReceiptId = receipt.Id }).ResponseAsync);
    }

    [Fact]
    public async Task The_IATI_export_lists_budgets_and_transactions_with_IATI_type_codes()
    {
        await EuroRateAsync(fixture);
        var (program, _, _) = await FundedProgramAsync(fixture, "IATI export", pledged: 80_000_000, paid: 30_000_000);
        var rotterdam = await SourceAsync(fixture, V1.SourceKind.PartnerGovernment, "Gemeente Rotterdam (IATI)", "EUR", "gn-2747891");
        await fixture.Client.RecordCommitmentAsync(new V1.RecordCommitmentRequest
        {
            ProgramId = program, RequestId = NewRequest(), Commitment = new V1.Commitment { SourceId = rotterdam, Amount = Eur(5_000) },
        }, fixture.Officer());
        await fixture.Client.RecordExpenditureAsync(Expenditure(program, 10_000_000, NewRequest()), fixture.Officer());

        var body = await fixture.Client.DownloadIatiActivityAsync(new V1.DownloadIatiActivityRequest { ProgramId = program }, fixture.Officer());
        Assert.Equal("application/xml", body.ContentType);
        var xml = XDocument.Parse(body.Data.ToStringUtf8());
        var activity = xml.Root!.Element("iati-activity")!;
        Assert.Equal("2.03", xml.Root.Attribute("version")!.Value);
        Assert.Equal($"ID-KDN-31-{program}", activity.Element("iati-identifier")!.Value);
        Assert.Equal(["2", "3", "11", "4"], activity.Elements("transaction").Select(t => t.Element("transaction-type")!.Attribute("code")!.Value));
        var pledge = activity.Elements("transaction").Single(t => t.Element("transaction-type")!.Attribute("code")!.Value == "11");
        Assert.Equal(("EUR", "5000.00"), (pledge.Element("value")!.Attribute("currency")!.Value, pledge.Element("value")!.Value));
        Assert.Equal("Gemeente Rotterdam (IATI)", pledge.Element("provider-org")!.Element("narrative")!.Value);
        Assert.Equal("850000000.00", activity.Element("budget")!.Element("value")!.Value);
        // Open data gets figures, not the export with its descriptions.
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => fixture.Client.DownloadIatiActivityAsync(new V1.DownloadIatiActivityRequest { ProgramId = program }).ResponseAsync);
    }

    [Fact]
    public async Task A_program_cancelled_in_the_programs_service_takes_no_more_money_here()
    {
        var (program, apbd, _) = await FundedProgramAsync(fixture, "Cancelled later", pledged: 50_000_000, paid: 0);
        await fixture.SendAsync(fixture.Programs, HttpMethod.Post, $"/api/v1/programs/{program}:cancel", "31", new { reason = "The pumps were funded by the APBN instead" });
        await fixture.UntilProjectedAsync(program, "Cancelled");

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => fixture.Client.RecordCommitmentAsync(new V1.RecordCommitmentRequest
        {
            ProgramId = program, RequestId = NewRequest(), Commitment = new V1.Commitment { SourceId = apbd, Amount = Idr(1_000_000) },
        }, fixture.Officer()).ResponseAsync);
        Assert.Equal("PROGRAM_ENDED", refused.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        var funding = await fixture.Client.GetProgramFundingAsync(new V1.GetProgramFundingRequest { ProgramId = program }, fixture.Officer());
        Assert.Equal("Cancelled", funding.ProgramStatus);
        Assert.Single(funding.Commitments);
    }
}
