using System.Globalization;
using System.Net;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>/api/journal</c> over HTTP against Postgres: writing needs the token, an edit keeps the first text, bad tags are 400, missing subjects 404.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiJournalTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task WriteEditRead_WithTheToken_KeepsEveryVersion()
    {
        var position = await OpenCspAsync("api-journal");
        var target = position.PositionId.ToString(CultureInfo.InvariantCulture);

        using var refused = await Api.PostAsync("/api/journal", new { target, text = "no token" }, token: null);
        using var added = await Api.PostAsync("/api/journal", new { target, text = "Held through the dip", sentiment = "neutral", source = "dashboard" });
        var entry = await ApiHarness.ReadJsonAsync(added);
        var id = entry.GetProperty("entry_id").GetInt64();
        using var edited = await Api.PostAsync($"/api/journal/{id}", new { text = "Held through the dip; closing early", sentiment = "worried" });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (added.StatusCode, edited.StatusCode));
        Assert.Equal(("dashboard", "during"), (entry.GetProperty("source").GetString(), entry.GetProperty("phase").GetString()));
        var shown = await Api.GetJsonAsync($"/api/journal/{id}");
        Assert.Equal(["neutral", "worried"], shown.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("sentiment").GetString()));
        var listed = await Api.GetJsonAsync($"/api/journal?position={target}&search=dip");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("entry_id").GetInt64());
        Assert.Equal(1L, await Db.CountAsync("journal_entries", "source = 'dashboard'"));
    }

    [Fact]
    public async Task BadTag_Is400_AndNothingIsWritten()
    {
        var position = await OpenCspAsync("api-journal-bad");

        using var response = await Api.PostAsync("/api/journal", new { target = position.PositionId.ToString(CultureInfo.InvariantCulture), text = "x", sentiment = "9lives" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sentiment '9lives' is not a tag", (await ApiHarness.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await Db.CountAsync("journal_entries"));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync("/api/journal/777")).StatusCode);
        using var noBody = await Api.PostAsync("/api/journal");
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.StartsWith("target is required", (await ApiHarness.ReadJsonAsync(noBody)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoteOnAMissingPositionOrEntry_Is404_AndNothingIsWritten()
    {
        using var onMissingPosition = await Api.PostAsync("/api/journal", new { target = "987654", text = "never opened" });
        using var editOfMissingEntry = await Api.PostAsync("/api/journal/987654", new { text = "never written" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (onMissingPosition.StatusCode, editOfMissingEntry.StatusCode));
        Assert.Equal("no position or proposal '987654' to write a note on.",
            (await ApiHarness.ReadJsonAsync(onMissingPosition)).GetProperty("detail").GetString());
        Assert.Equal((0L, 0L), (await Db.CountAsync("journal_entries"), await Db.CountAsync("journal_entry_versions")));
    }
}
