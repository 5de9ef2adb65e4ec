using Medallion.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Jobs;
using Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Tests.Integration;

[Collection(AgreementsCollection.Name)]
public class ExpiryTests(AgreementsFixture fixture)
{
    private readonly AgreementSteps _steps = new(fixture);

    [Fact]
    public async Task Notices_go_out_once_per_point_even_with_two_replicas_and_the_agreement_expires_on_its_date()
    {
        var start = fixture.Clock.Now;
        try
        {
            var agreement = await _steps.ActiveAsync("idn-32.73", "32.73", ["gn-1716771"], months: 12); // Bandung – Cotabato
            var expiry = new DateOnly(agreement.ExpiryDate.Year, agreement.ExpiryDate.Month, agreement.ExpiryDate.Day);
            var job = fixture.Services.GetRequiredService<AgreementLifecycleJob>();

            MoveTo(expiry.AddDays(-200));
            await job.RunOnceAsync(CancellationToken.None);
            Assert.Empty(await NoticesAsync(agreement.Id));

            MoveTo(expiry.AddDays(-180));
            // While another replica holds the lock, a run does nothing...
            var locks = fixture.Services.GetRequiredService<IDistributedLockProvider>();
            await using (await locks.AcquireLockAsync(AgreementLifecycleJob.LockName))
            {
                Assert.Equal(-1, await job.RunOnceAsync(CancellationToken.None));
            }
            Assert.Empty(await NoticesAsync(agreement.Id));
            // ...and two runs at once, even without the lock, let one notice out: the point is stored with the agreement.
            await Task.WhenAll(job.RunUnlockedAsync(CancellationToken.None), job.RunUnlockedAsync(CancellationToken.None), job.RunOnceAsync(CancellationToken.None));
            Assert.Equal([180], await NoticesAsync(agreement.Id));

            MoveTo(expiry.AddDays(-90));
            var expiring = await fixture.Client.ListAgreementsAsync(new ListAgreementsRequest { ExpiringWithinDays = 100, Filter = "region = \"32.73\"" });
            Assert.Contains(expiring.Agreements, a => a.Id == agreement.Id);
            await job.RunOnceAsync(CancellationToken.None);
            await job.RunOnceAsync(CancellationToken.None);
            MoveTo(expiry.AddDays(-30));
            await job.RunOnceAsync(CancellationToken.None);
            Assert.Equal([180, 90, 30], await NoticesAsync(agreement.Id));

            MoveTo(expiry);
            await job.RunOnceAsync(CancellationToken.None);
            var expired = await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = agreement.Id });
            Assert.Equal(AgreementStatus.Expired, expired.Status);
            Assert.Equal(1, await OutboxCountAsync(agreement.Id, "AgreementExpired"));
        }
        finally
        {
            fixture.Clock.Now = start;
        }
    }

    [Fact]
    public async Task A_signed_agreement_with_a_later_effective_date_is_activated_by_the_job_on_that_date()
    {
        var start = fixture.Clock.Now;
        try
        {
            var cleared = await _steps.ClearAsync(await _steps.SubmitAsync(await _steps.DraftAsync("idn-73.71", "73.71", ["gn-1838524"]), "73.71"), "73.71");
            var signed = await _steps.SignAsync(cleared, "73.71", effective: _steps.Today.AddDays(14));
            Assert.Equal(AgreementStatus.Signed, signed.Status);
            var job = fixture.Services.GetRequiredService<AgreementLifecycleJob>();

            await job.RunOnceAsync(CancellationToken.None);
            Assert.Equal(AgreementStatus.Signed, (await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = signed.Id })).Status);
            MoveTo(_steps.Today.AddDays(14));
            await job.RunOnceAsync(CancellationToken.None);

            Assert.Equal(AgreementStatus.Active, (await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = signed.Id })).Status);
            Assert.Equal(1, await OutboxCountAsync(signed.Id, "AgreementActivated"));
        }
        finally
        {
            fixture.Clock.Now = start;
        }
    }

    private void MoveTo(DateOnly day) => fixture.Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    private async Task<List<int>> NoticesAsync(string agreementId)
    {
        using var scope = fixture.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AgreementsDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.Contains("AgreementExpiring")).ToListAsync();
        return rows.Where(r => r.Payload.Contains(agreementId, StringComparison.Ordinal))
            .OrderBy(r => r.Sequence)
            .Select(r => System.Text.Json.JsonDocument.Parse(r.Payload).RootElement.GetProperty("daysBeforeExpiry").GetInt32())
            .ToList();
    }

    private async Task<int> OutboxCountAsync(string agreementId, string eventName)
    {
        using var scope = fixture.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AgreementsDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.Contains(eventName)).ToListAsync();
        return rows.Count(r => r.Payload.Contains(agreementId, StringComparison.Ordinal));
    }
}
