using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Tests.Integration;

[Collection(AgreementsCollection.Name)]
public class DocumentTests(AgreementsFixture fixture)
{
    private const string Pdf = "application/pdf";
    private readonly AgreementSteps _steps = new(fixture);

    private static byte[] PdfBytes(string text, int padding = 0) =>
        [.. Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n"), .. new byte[padding], .. Encoding.ASCII.GetBytes("\n%%EOF\n")];

    [Fact]
    public async Task Texts_upload_as_versions_with_their_hash_and_download_byte_for_byte()
    {
        var agreement = await _steps.DraftAsync("idn-35.78", "35.78", ["gn-1835848"], title: "Surabaya–Seoul");
        var first = PdfBytes("MoU draft, Bahasa Indonesia");
        var second = PdfBytes("MoU final, Bahasa Indonesia", padding: 300_000);

        var v1 = await UploadRestAsync(agreement.Id, "MoU", "id", legallyBinding: true, first, Pdf);
        var v2 = await UploadRestAsync(agreement.Id, "MoU", "id", legallyBinding: true, second, Pdf);
        var english = await fixture.Client.UploadDocumentAsync(new UploadDocumentRequest
        {
            AgreementId = agreement.Id, Title = "MoU", Language = "en",
            Content = new HttpBody { ContentType = Pdf, Data = ByteString.CopyFrom(PdfBytes("MoU, English")) },
        }, fixture.Bearer("regional-officer", "35.78"));

        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(second)), v2.GetProperty("sha256").GetString());
        Assert.Equal(1, english.Version);
        Assert.False(english.LegallyBinding);

        var path = $"/api/v1/agreements/{agreement.Id}/documents/{v2.GetProperty("id").GetString()}:download";
        using var asOfficer = new HttpRequestMessage(HttpMethod.Get, path);
        asOfficer.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "35.78"));
        using var download = await fixture.Rest.SendAsync(asOfficer);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(second, await download.Content.ReadAsByteArrayAsync());
        // A draft's texts are the region's working papers: not downloadable without a right to them.
        using var anonymous = await fixture.Rest.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);

        var listed = await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = agreement.Id }, fixture.Bearer("regional-officer", "35.78"));
        Assert.Equal(3, listed.Documents.Count);
        Assert.Equal(v2.GetProperty("id").GetString(), Assert.Single(listed.Documents, d => d.LegallyBinding).Id);
    }

    [Fact]
    public async Task Wrong_types_fakes_and_oversized_files_are_refused()
    {
        var agreement = await _steps.DraftAsync("idn-35.78", "35.78", ["gn-2950159"], title: "Surabaya–Berlin");

        var text = await UploadRawAsync(agreement.Id, Encoding.UTF8.GetBytes("just text"), "text/plain");
        var fake = await UploadRawAsync(agreement.Id, Encoding.UTF8.GetBytes("not really a pdf"), Pdf);
        var huge = await UploadRawAsync(agreement.Id, PdfBytes("big", padding: 11 * 1024 * 1024), Pdf);

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("not a PDF", await fake.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, huge.StatusCode);
        Assert.Empty((await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = agreement.Id }, fixture.Bearer("regional-officer", "35.78"))).Documents);
    }

    [Fact]
    public async Task Another_region_cannot_add_documents()
    {
        var agreement = await _steps.DraftAsync("idn-35.78", "35.78", ["gn-105343"], title: "Surabaya–Jeddah");

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.UploadDocumentAsync(new UploadDocumentRequest
        {
            AgreementId = agreement.Id, Title = "MoU", Language = "id",
            Content = new HttpBody { ContentType = Pdf, Data = ByteString.CopyFrom(PdfBytes("x")) },
        }, fixture.Bearer("regional-officer", "31")));
    }

    private async Task<JsonElement> UploadRestAsync(string id, string title, string language, bool legallyBinding, byte[] content, string type)
    {
        using var response = await UploadRawAsync(id, content, type, title, language, legallyBinding);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> UploadRawAsync(string id, byte[] content, string type, string title = "MoU", string language = "id", bool legallyBinding = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/agreements/{id}/documents?title={Uri.EscapeDataString(title)}&language={language}&legallyBinding={(legallyBinding ? "true" : "false")}")
        {
            Content = new ByteArrayContent(content),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        request.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "35.78"));
        return await fixture.Rest.SendAsync(request);
    }
}
