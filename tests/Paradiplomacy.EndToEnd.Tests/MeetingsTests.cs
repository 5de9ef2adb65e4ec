using System.Net;
using System.Text.Json;
using Grpc.Core;
using V1 = Paradiplomacy.Contracts.Meetings.V1;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>Kota Bandung and Fort Worth meeting through the gateway, as their officers and partner systems
/// would: REST for people's tools, gRPC for integrations, the event on the bus for the others.</summary>
[Collection(SystemCollection.Name)]
public class MeetingsTests(SystemFixture fixture)
{
    private const string Bandung = "idn-32.73";
    private const string FortWorth = "gn-4691930";

    [Fact]
    public async Task Bandung_schedules_a_call_with_Fort_Worth_through_the_gateway_and_each_side_sees_it_in_its_own_time()
    {
        await fixture.ImportSampleAsync();
        var officer = fixture.Token("regional-officer", "32.73");
        using var agreements = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Get,
            "/api/v1/agreements?filter=region%20%3D%20%2232.73%22%20AND%20party%20%3D%20%22gn-4691930%22", officer));
        var agreement = agreements.RootElement.GetProperty("agreements")[0].GetProperty("id").GetString()!;
        await using var listener = await BusListener.StartAsync(fixture.EventBus, "MeetingScheduled", "e2e-meeting-scheduled");

        // Ask for a time first: 09:00–17:00 in Bandung and in Fort Worth never meet, so widen the hours.
        using var none = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, "/api/v1/meetings:findTimes", officer, new { agreementId = agreement, durationMinutes = 60 }));
        Assert.Contains("never overlap", none.RootElement.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        using var found = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, "/api/v1/meetings:findTimes", officer,
            new { agreementId = agreement, durationMinutes = 60, workingHours = new { start = "07:00", end = "21:00" }, horizonDays = 14 }));
        var slot = found.RootElement.GetProperty("slots")[0];
        var zones = slot.GetProperty("localStarts").EnumerateArray().Select(l => l.GetProperty("timeZone").GetString()).ToList();
        Assert.Equal(["Asia/Jakarta", "America/Chicago"], zones);

        var body = ToDictionary(SystemFixture.MeetingBody(agreement, Bandung, FortWorth, "Creative economy working group", "rina.cewg@bandung.go.id", "sam.cewg@fortworthtexas.gov"));
        body["startTime"] = slot.GetProperty("startTime").GetString();
        body["endTime"] = slot.GetProperty("endTime").GetString();
        var meeting = await fixture.ScheduleMeetingAsync(officer, body);
        var id = meeting.GetProperty("id").GetString()!;
        var localStarts = meeting.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("localStart").GetString()!).ToList();
        Assert.Contains(localStarts, s => s.Contains("WIB", StringComparison.Ordinal));
        Assert.Contains(localStarts, s => s.Contains("CST", StringComparison.Ordinal) || s.Contains("CDT", StringComparison.Ordinal));

        // The officer's calendar takes the invitation; the public reads the meeting without names or the room.
        using var invitation = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{id}/invitation");
        invitation.Headers.Authorization = new("Bearer", officer);
        using var ics = await fixture.Gateway.SendAsync(invitation);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"UID:{id}@", text, StringComparison.Ordinal);
        Assert.Contains("sam.cewg@fortworthtexas.gov", text, StringComparison.Ordinal);
        var anonymous = await fixture.SendAsync(HttpMethod.Get, $"/api/v1/meetings/{id}", token: null);
        Assert.DoesNotContain("rina.cewg", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("videoUrl\":\"http", anonymous, StringComparison.Ordinal);
        using var refused = await fixture.Gateway.GetAsync($"/api/v1/meetings/{id}/invitation");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // A partner integration reads it over gRPC through the gateway, with the room link.
        var client = new V1.Meetings.MeetingsClient(fixture.GatewayGrpc);
        var partner = await client.GetMeetingAsync(new V1.GetMeetingRequest { Id = id }, new Metadata { { "Authorization", $"Bearer {fixture.Token("partner", FortWorth)}" } });
        Assert.Equal(2, partner.Participants.Count);
        Assert.StartsWith("https://", partner.VideoUrl, StringComparison.Ordinal);
        var surabaya = new Metadata { { "Authorization", $"Bearer {fixture.Token("regional-officer", "35.78")}" } };
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CancelMeetingAsync(new V1.CancelMeetingRequest { Id = id, Reason = "not ours" }, surabaya));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);

        var events = await listener.WaitForAsync(m => m.GetProperty("meetingId").GetString() == id, TimeSpan.FromSeconds(30));
        var scheduled = Assert.Single(events).GetProperty("message");
        Assert.Equal("32.73", scheduled.GetProperty("regionCode").GetString());
        Assert.Equal(2, scheduled.GetProperty("recipients").GetArrayLength());
    }

    private static Dictionary<string, object?> ToDictionary(object body) =>
        body.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(body));
}
