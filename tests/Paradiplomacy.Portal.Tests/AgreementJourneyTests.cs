using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Paradiplomacy.Portal.Tests;

/// <summary>An agreement's whole way through the portal, in each language: a regional officer drafts it (and meets
/// the API's refusals beside the fields), uploads the draft text and submits it with the DPRD's approval; the
/// Kemendagri and Kemlu reviewers find it in their queues and clear it; the officer records the signing and sees
/// it in effect, and the public then sees it, without its working papers.</summary>
[Collection(PortalCollection.Name)]
public class AgreementJourneyTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("id", "Bagian Kerja Sama, Kota Semarang", "brisbane", "Brisbane")]
    [InlineData("en", "Bagian Kerja Sama, Kota Bandung", "chiang mai", "Chiang Mai")]
    public async Task An_officer_drafts_and_submits_reviewers_clear_it_and_the_officer_sees_it_in_effect(string language, string officerPersona, string partnerQuery, string partnerName)
    {
        var officer = await fixture.VisitorAsync(language);
        await officer.SignInAsync(officerPersona, "/kantor");
        await officer.ShotAsync("office");
        Assert.Contains(officer.T("Usulan mitra", "Partner suggestions"), await officer.MainTextAsync());

        // Drafting: the partner first, then the dossier. Saved without a field of cooperation, the API's refusal is shown beside the fieldset.
        await officer.Page.GotoAsync("/kantor/perjanjian/baru");
        await officer.Page.GetByLabel(officer.T("Cari pemerintah mitra", "Search for the partner government")).FillAsync(partnerQuery);
        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Button, new() { Name = officer.T("Cari", "Search"), Exact = true }));
        await officer.FollowAsync(officer.Page.Locator("ul.results a", new() { HasTextString = partnerName }).First);
        var title = officer.Page.GetByLabel(officer.T("Judul perjanjian", "Title of the agreement"));
        Assert.Contains(partnerName, await title.InputValueAsync());
        await officer.Page.GetByLabel(officer.T("Tujuan", "Objectives"), new() { Exact = true }).FillAsync("Student exchanges and a smart-city working group.");
        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Button, new() { Name = officer.T("Simpan draf", "Save draft") }));
        var fieldsError = officer.Page.Locator("#fields-error");
        Assert.Contains("field of cooperation", await fieldsError.InnerTextAsync());
        Assert.Equal("Student exchanges and a smart-city working group.", await officer.Page.GetByLabel(officer.T("Tujuan", "Objectives"), new() { Exact = true }).InputValueAsync());
        await officer.ShotAsync("draft-refused");

        await officer.Page.GetByLabel(officer.T("pendidikan", "education"), new() { Exact = true }).CheckAsync();
        await officer.Page.GetByLabel(officer.T("kota cerdas", "smart city"), new() { Exact = true }).CheckAsync();
        await officer.Page.GetByLabel(officer.T("Mekanisme pelaksanaan", "Mechanisms")).FillAsync("A joint working group meets every year.");
        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Button, new() { Name = officer.T("Simpan draf", "Save draft") }));
        await officer.Page.WaitForURLAsync(new Regex("/perjanjian/agr-"));
        var agreementPath = new Uri(officer.Page.Url).AbsolutePath;
        Assert.Contains(officer.T("Draf", "Draft"), await officer.Page.Locator(".badge").First.InnerTextAsync());

        // The draft text, as a PDF.
        await officer.Page.GetByLabel(officer.T("Judul dokumen", "Document title")).FillAsync("Draft MoU");
        await officer.Page.GetByLabel(officer.T("Berkas", "File")).SetInputFilesAsync(new FilePayload
        {
            Name = "draft-mou.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray(),
        });
        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Button, new() { Name = officer.T("Unggah", "Upload") }));
        Assert.Contains(officer.T("Dokumen tersimpan.", "The document is stored."), await officer.MainTextAsync());
        Assert.Equal(1, await officer.Page.Locator("#dokumen li a").CountAsync());

        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Button, new() { Name = officer.T("Ajukan untuk persetujuan", "Submit for clearance") }));
        Assert.Contains(officer.T("Diajukan", "Submitted"), await officer.Page.Locator(".badge").First.InnerTextAsync());
        // The DPRD's approval is recorded by the region's own office.
        await officer.Page.GetByLabel(officer.T("Nomor surat", "Reference number")).FillAsync("DPRD/170/2026");
        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Button, new() { Name = officer.T("Catat keputusan", "Record the decision") }));
        Assert.Contains("DPRD/170/2026", await officer.Page.Locator("[data-clearance=DprdApproval]").InnerTextAsync());
        await officer.ShotAsync("submitted");

        // The public sees nothing of a dossier under review.
        var visitor = await fixture.VisitorAsync(language);
        await visitor.Page.GotoAsync(agreementPath);
        Assert.Contains(visitor.T("Halaman tidak ditemukan", "Page not found"), await visitor.Page.Locator("h1").InnerTextAsync());

        foreach (var (persona, kind, reference) in new[] { ("Peninjau Kemendagri", "KemendagriClearance", "100.4.3/8812/SJ"), ("Peninjau Kemlu", "KemluConsideration", "B-0912/HL/12/2026") })
        {
            var reviewer = await fixture.VisitorAsync(language);
            await reviewer.SignInAsync(persona, "/tinjauan");
            var row = reviewer.Page.Locator("tbody tr", new() { Has = reviewer.Page.Locator($"a[href='{agreementPath}']") });
            Assert.Equal(1, await row.CountAsync());
            await reviewer.ShotAsync($"queue-{kind}");
            await reviewer.FollowAsync(row.GetByRole(AriaRole.Link).First);
            // No reference number: refused, and said so beside that field.
            await reviewer.FollowAsync(reviewer.Page.GetByRole(AriaRole.Button, new() { Name = reviewer.T("Catat keputusan", "Record the decision") }));
            Assert.NotEmpty(await reviewer.Page.Locator("#reference_number-error").InnerTextAsync());
            await reviewer.ShotAsync($"decision-refused-{kind}");
            await reviewer.Page.GetByLabel(reviewer.T("Nomor surat", "Reference number")).FillAsync(reference);
            await reviewer.FollowAsync(reviewer.Page.GetByRole(AriaRole.Button, new() { Name = reviewer.T("Catat keputusan", "Record the decision") }));
            Assert.Contains(reference, await reviewer.Page.Locator($"[data-clearance={kind}]").InnerTextAsync());
            await reviewer.Page.GotoAsync("/tinjauan");
            Assert.Equal(0, await reviewer.Page.Locator($"a[href='{agreementPath}']").CountAsync());
            await reviewer.CloseAsync();
        }

        await officer.Page.GotoAsync(agreementPath);
        Assert.Contains(officer.T("Disetujui", "Cleared"), await officer.Page.Locator(".badge").First.InnerTextAsync());
        await officer.Page.GetByRole(AriaRole.Group, new() { Name = officer.T("Penandatangan pihak Indonesia", "Indonesian signatory") }).GetByLabel(officer.T("Nama", "Name")).FillAsync("Hevearita Gunaryanti Rahayu");
        await officer.Page.GetByRole(AriaRole.Group, new() { Name = officer.T("Penandatangan pihak Indonesia", "Indonesian signatory") }).GetByLabel(officer.T("Jabatan", "Title")).FillAsync("Wali Kota");
        await officer.Page.GetByRole(AriaRole.Group, new() { Name = officer.T("Penandatangan pihak mitra", "Partner's signatory") }).GetByLabel(officer.T("Nama", "Name")).FillAsync("Adrian Schrinner");
        await officer.Page.GetByRole(AriaRole.Group, new() { Name = officer.T("Penandatangan pihak mitra", "Partner's signatory") }).GetByLabel(officer.T("Jabatan", "Title")).FillAsync("Lord Mayor");
        // Where it was signed is part of the record: left out, the API says so beside each place field.
        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Button, new() { Name = officer.T("Catat penandatanganan", "Record the signing") }));
        Assert.NotEmpty(await officer.Page.Locator("[id='indonesian_signatory.place-error']").InnerTextAsync());
        Assert.NotEmpty(await officer.Page.Locator("[id='foreign_signatory.place-error']").InnerTextAsync());
        await officer.ShotAsync("signing-refused");
        foreach (var legend in new[] { officer.T("Penandatangan pihak Indonesia", "Indonesian signatory"), officer.T("Penandatangan pihak mitra", "Partner's signatory") })
        {
            await officer.Page.GetByRole(AriaRole.Group, new() { Name = legend }).GetByLabel(officer.T("Tempat", "Place")).FillAsync("Balai Kota Semarang");
        }
        await officer.FollowAsync(officer.Page.GetByRole(AriaRole.Button, new() { Name = officer.T("Catat penandatanganan", "Record the signing") }));
        Assert.Contains(officer.T("Berlaku", "Active"), await officer.Page.Locator(".badge").First.InnerTextAsync());
        await officer.ShotAsync("in-effect");
        await officer.Page.GotoAsync("/kantor");
        Assert.Contains(officer.T("Berlaku", "Active"), await officer.Page.Locator("tr", new() { Has = officer.Page.Locator($"a[href='{agreementPath}']") }).InnerTextAsync());

        // In effect, the public sees its facts, never its contacts, signatories, objectives or documents.
        await visitor.Page.GotoAsync(agreementPath);
        var publicText = await visitor.MainTextAsync();
        Assert.Contains(partnerName, publicText);
        Assert.DoesNotContain("Adrian Schrinner", publicText);
        Assert.DoesNotContain("Student exchanges", publicText);
        Assert.DoesNotContain("Draft MoU", publicText);
        await visitor.ShotAsync("public-agreement");
        await visitor.CloseAsync();
        await officer.CloseAsync();
    }
}
