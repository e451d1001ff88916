using System.Net;
using System.Text;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// What the API refuses before it reaches a handler's logic or the database: values outside the market calendar or
/// carrying control characters, bodies over 64 KiB, reasons over 500 characters and JSON with a key twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiInputTests(PostgresServer server) : ApiTestBase(server)
{
    private const string Proposal = "prop-20210301-SPY-CSP";

    [Theory]
    [InlineData("/api/report?from=1900-01-01", "from '1900-01-01' is outside the market calendar (2000-01-01 to 2100-12-31).")]
    [InlineData("/api/equity?from=0001-01-01", "from '0001-01-01' is outside the market calendar (2000-01-01 to 2100-12-31).")]
    [InlineData("/api/positions?ticker=%00", "ticker '\\u0000' contains a control character.")]
    [InlineData("/api/trades?to=9999-12-31", "to '9999-12-31' is outside the market calendar (2000-01-01 to 2100-12-31).")]
    [InlineData("/api/risk?at=1999-12-31T23:59:59Z", "at '1999-12-31T23:59:59Z' is outside the market calendar (2000-01-01 to 2100-12-31).")]
    [InlineData("/api/orders?request_id=a%0Ab", "request_id 'a\\u000ab' contains a control character.")]
    public async Task ValuesTheDatabaseOrCalendarCannotTake_Are400_NamingParameterAndValue(string path, string detail)
    {
        using var response = await Api.Http.GetAsync(path);
        var problem = await ApiProblems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(("Bad request", detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    /// <summary>Every route the OpenAPI document lists, with a NUL in its route value or an extra query value: 400, never 500.</summary>
    [Fact]
    public async Task EveryApiRoute_RefusesAControlCharacter_With400()
    {
        var document = await Api.GetJsonAsync("/openapi/v1.json");
        var routes = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Method: m.Name.ToUpperInvariant(), Path: p.Name)))
            .ToList();
        Assert.True(routes.Count >= 20, $"{routes.Count} routes");

        foreach (var (method, path) in routes)
        {
            // A route value where there is one ({id:long} has its own 404 for text), else a query value.
            var target = path.Contains("{id}", StringComparison.Ordinal) ? path.Replace("{id}", "p%01", StringComparison.Ordinal) : path + "?probe=%01";
            using var request = new HttpRequestMessage(new HttpMethod(method), target);
            request.Headers.Authorization = new("Bearer", ApiHarness.Token);
            using var response = await Api.Http.SendAsync(request);
            var expected = path.Contains("{id}", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
            var problem = await ApiProblems.ReadAsync(response, expected);
            if (expected == HttpStatusCode.BadRequest)
            {
                Assert.EndsWith("contains a control character.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }

        // A NUL in the path never reaches the application: Kestrel refuses the request target itself.
        using var nul = await Api.Http.GetAsync("/api/positions/p%00");
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);

        // The date and instant parameters of every route, one day before the calendar starts.
        foreach (var (path, name) in new[] { ("/api/trades", "from"), ("/api/trades", "to"), ("/api/pnl/daily", "date"), ("/api/report", "to"), ("/api/equity", "to"), ("/api/risk/stress", "at") })
        {
            var value = name == "at" ? "1999-12-31T00:00:00Z" : "1999-12-31";
            using var response = await Api.Http.GetAsync($"{path}?{name}={value}");
            var problem = await ApiProblems.ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.StartsWith($"{name} '{value}' is outside the market calendar", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BodiesOver64KiB_Are413_DeclaredOrChunked_AndTheProposalStaysProposed()
    {
        await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);
        var big = "{\"reason\":\"" + new string('x', 70_000) + "\"}";

        using var declared = await Api.PostAsync($"/api/proposals/{Proposal}/reject", new { reason = new string('x', 70_000) });
        var problem = await ApiProblems.ReadAsync(declared, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(("Payload too large", "The request body is larger than 64 KiB, the most this API accepts."),
            (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));

        // No Content-Length: the limit applies while the body is read.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{Proposal}/reject")
        {
            Content = new StreamContent(new NonSeekable(Encoding.UTF8.GetBytes(big))),
        };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.Authorization = new("Bearer", ApiHarness.Token);
        chunked.Headers.TransferEncodingChunked = true;
        using var streamed = await Api.Http.SendAsync(chunked);
        await ApiProblems.ReadAsync(streamed, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(1, await Db.CountAsync("trade_requests", $"request_id = '{Proposal}' AND status = 'PROPOSED'"));
    }

    [Fact]
    public async Task AReasonOver500Characters_OrAKeyTwice_Is400_AndChangesNothing_While500CharactersAreKept()
    {
        await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);

        using var longReason = await Api.PostAsync($"/api/proposals/{Proposal}/reject", new { reason = new string('r', 501) });
        Assert.Equal("reason has 501 characters; at most 500 are accepted.", (await ApiProblems.ReadAsync(longReason, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        using var longState = await Api.PostAsync("/api/trading-state", new { state = "HALTED", reason = new string('r', 501) });
        await ApiProblems.ReadAsync(longState, HttpStatusCode.BadRequest);

        using var duplicate = await PostRawAsync("/api/trading-state", "{\"state\":\"ACTIVE\",\"state\":\"HALTED\"}");
        Assert.Contains("Duplicate key at $.state", (await ApiProblems.ReadAsync(duplicate, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var wrongType = await PostRawAsync("/api/trading-state", "{\"state\":5}");
        Assert.Contains("Invalid JSON or a value of the wrong type at $.state (line 1,", (await ApiProblems.ReadAsync(wrongType, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(1, await Db.CountAsync("trade_requests", $"request_id = '{Proposal}' AND status = 'PROPOSED'"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'ACTIVE'"));

        var reason = new string('r', 500);
        using var kept = await Api.PostAsync($"/api/proposals/{Proposal}/reject", new { reason });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(1, await Db.CountAsync("trade_requests", $"request_id = '{Proposal}' AND status = 'REJECTED' AND length(decision_reason) = 500"));
    }

    private async Task<HttpResponseMessage> PostRawAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", ApiHarness.Token);
        return await Api.Http.SendAsync(request);
    }

    /// <summary>A stream that cannot tell its length, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
