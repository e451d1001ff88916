using System.Net;
using OptionsAutomation.Infrastructure.Cards;
using OptionsAutomation.Integration.Tests.Support;
using SkiaSharp;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>GET /api/scorecard</c> and <c>/api/scorecard.png</c> over real HTTP, from seeded rows; the API's clock stands at the close of 2021-03-01.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiScorecardTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task Today_ShowsTheDaysTrade_AndTheOpenPositionAtItsMark()
    {
        var closed = await OpenCspAsync("sc-win");
        await OpenCspAsync("sc-open", strike: 570m);
        await CloseAsync(closed.PositionId, 0.75m, ApiHarness.Close.AddHours(-1));

        var json = await Api.GetJsonAsync("/api/scorecard");

        Assert.Equal(("2021-03-01", 75.00m, 1), (json.GetProperty("date").GetString(), json.GetProperty("realized_pnl").GetDecimal(), json.GetProperty("closed_trades").GetArrayLength()));
        Assert.Equal((1, 56_850.00m), (json.GetProperty("open_positions").GetInt32(), json.GetProperty("open_max_loss").GetDecimal()));
        Assert.StartsWith("Scorecard 2021-03-01: 1 trade(s) closed, realized +$75.00", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(json.ToString(), (await Api.GetJsonAsync("/api/scorecard?date=2021-03-01")).ToString());
    }

    [Fact]
    public async Task Png_IsTheCard()
    {
        using var response = await Api.Http.GetAsync("/api/scorecard.png?date=2021-02-26");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var card = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((ScorecardCard.Width, ScorecardCard.Height), (card.Width, card.Height));
    }

    [Theory]
    [InlineData("/api/scorecard?date=2021-02-27", HttpStatusCode.NotFound)] // a Saturday
    [InlineData("/api/scorecard.png?date=2021-03-02", HttpStatusCode.NotFound)] // before its close
    [InlineData("/api/scorecard?date=yesterday", HttpStatusCode.BadRequest)]
    public async Task NoScorecard_IsAProblem(string path, HttpStatusCode status)
    {
        using var response = await Api.Http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
