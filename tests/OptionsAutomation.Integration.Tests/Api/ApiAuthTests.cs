using System.Net;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>Mutations need <c>Authorization: Bearer {Service:ApiToken}</c>; reads need nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiAuthTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task AMissingOrWrongToken_Is401WithABearerChallenge_ChangesNothing_AndTheTokenIsNeverLogged()
    {
        using var missing = await Api.PostAsync("/api/trading-state", new { state = "HALTED" }, token: null);
        using var wrong = await Api.PostAsync("/api/trading-state", new { state = "HALTED" }, token: ApiHarness.Token + "x");
        using var otherScheme = new HttpRequestMessage(HttpMethod.Post, "/api/risk/breaker/reset");
        otherScheme.Headers.Authorization = new("Basic", ApiHarness.Token);
        using var basic = await Api.Http.SendAsync(otherScheme);

        Assert.Equal("Unauthorized", (await ApiProblems.ReadAsync(missing, HttpStatusCode.Unauthorized)).GetProperty("title").GetString());
        Assert.Equal("Bearer realm=\"optauto\"", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal("The bearer token is not valid.", (await ApiProblems.ReadAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Equal("Bearer realm=\"optauto\", error=\"invalid_token\"", wrong.Headers.WwwAuthenticate.ToString());
        await ApiProblems.ReadAsync(basic, HttpStatusCode.Unauthorized);
        Assert.Equal("ACTIVE", (await Api.GetJsonAsync("/api/trading-state")).GetProperty("trading_state").GetString());

        using var right = await Api.PostAsync("/api/trading-state", new { state = "REDUCING" });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.DoesNotContain(Api.Logs.Lines, line => line.Contains(ApiHarness.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiAuth_ChecksATokenWithoutChangingAnything()
    {
        using var accepted = new HttpRequestMessage(HttpMethod.Get, "/api/auth");
        accepted.Headers.Authorization = new("Bearer", ApiHarness.Token);
        using var refused = new HttpRequestMessage(HttpMethod.Get, "/api/auth");
        refused.Headers.Authorization = new("Bearer", "guess");

        Assert.Equal(HttpStatusCode.NoContent, (await Api.Http.SendAsync(accepted)).StatusCode);
        await ApiProblems.ReadAsync(await Api.Http.SendAsync(refused), HttpStatusCode.Unauthorized);
        await ApiProblems.ReadAsync(await Api.Http.GetAsync("/api/auth"), HttpStatusCode.Unauthorized);
    }
}

/// <summary>Without <c>Service:ApiToken</c> the API is read-only: every POST is 403, whatever it carries.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiWithoutTokenTests(PostgresServer server) : ApiTestBase(server, token: null)
{
    [Fact]
    public async Task EveryMutation_Is403MutationsDisabled_WhileReadsWork()
    {
        foreach (var path in new[] { "/api/trading-state", "/api/positions/1/close", "/api/positions/close-all", "/api/proposals/p/approve", "/api/proposals/p/reject", "/api/risk/breaker/reset" })
        {
            using var response = await Api.PostAsync(path, new { state = "HALTED" }, token: "anything");
            var problem = await ApiProblems.ReadAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal("Mutations disabled", problem.GetProperty("title").GetString());
            Assert.Contains("Service:ApiToken", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("ACTIVE", (await Api.GetJsonAsync("/api/trading-state")).GetProperty("trading_state").GetString());
        Assert.False((await Api.GetJsonAsync("/api/info")).GetProperty("mutations_enabled").GetBoolean());
    }
}
