using System.Net;
using Astegni.Chat.Api.Tests.Calls;
using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.TestSupport.Legacy;
using Astegni.Chat.TestSupport.Media;
using Npgsql;

namespace Astegni.Chat.Api.Tests.Media;

/// <summary>
/// The hybrid period: on a database upgraded from the old one, the old backend returns <c>chat_messages.media_url</c>
/// to the old clients, which load it with no header. A media message sent through this module fills it.
/// </summary>
[NonParallelizable]
public sealed class LegacyMediaUrlTests
{
    private const string PublicBase = "https://chat.astegni.et";
    private const int Abebe = 1;
    private const int Almaz = 2;
    private const int Tigist = 6;
    private const int AbebeAndAlmaz = 10;

    private string _database = null!;
    private ConfiguredChatApiFactory _service = null!;

    [OneTimeSetUp]
    public async Task UpgradeALegacyDatabase_AndServeIt()
    {
        _database = await LegacyDatabase.CreateAsync("api_legacy_media_url", LegacyShape.Scripts);
        await new LegacyUpgrade(_database).RunAsync(new UpgradeOptions(LegacyTimeZone: LegacyDatabase.TimeZone, LegacyEncryptionKey: LegacyDatabase.FernetKey));
        _service = new ConfiguredChatApiFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Chat"] = _database,
            ["Legacy:MediaUrlBase"] = PublicBase,
        });
    }

    [OneTimeTearDown]
    public async Task Stop() => await _service.DisposeAsync();

    [Test]
    public async Task AnImageSentHere_HasAMediaUrlInTheLegacyColumn_ThatAnOldClientLoadsWithoutAHeader()
    {
        var abebe = _service.User(Abebe);
        var png = SampleMedia.Png(6, 6);
        var mediaId = await abebe.UploadIdAsync(png, "worksheet.png");
        var messageId = (await abebe.SendMediaOkAsync(AbebeAndAlmaz, "image", mediaId))["id"]!.GetValue<int>();

        // What the old backend's history returns to the old app for this row.
        var (messageType, mediaUrl) = await LegacyRowAsync(messageId);
        Assert.That(mediaUrl, Does.StartWith($"{PublicBase}/api/chat/media/{mediaId}/signed?expires="));
        var link = new Uri(mediaUrl!).PathAndQuery;
        using var oldClient = new HttpClient { BaseAddress = _service.ServerAddress };
        var response = await oldClient.GetAsync(new Uri(link, UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(messageType, Is.EqualTo("image"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
            Assert.That((await _service.User(Almaz).SeenAsync(AbebeAndAlmaz, messageId))!["media"]!["signed_url"], Is.Not.Null);
            Assert.That((await _service.User(Tigist).Http.GetAsync(new Uri($"/api/chat/messages/{AbebeAndAlmaz}", UriKind.Relative))).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound), "someone outside the conversation sees no message, so no link");
        }
    }

    [Test]
    public async Task TheLegacyColumn_AfterDeleteForEveryone_StopsDownloading()
    {
        var abebe = _service.User(Abebe);
        var mediaId = await abebe.UploadIdAsync(SampleMedia.Png(4, 4), "oops.png");
        var messageId = (await abebe.SendMediaOkAsync(AbebeAndAlmaz, "image", mediaId))["id"]!.GetValue<int>();
        var link = new Uri((await LegacyRowAsync(messageId)).MediaUrl!).PathAndQuery;

        await (await abebe.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        using var oldClient = new HttpClient { BaseAddress = _service.ServerAddress };
        Assert.That((await oldClient.GetAsync(new Uri(link, UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<(string MessageType, string? MediaUrl)> LegacyRowAsync(int messageId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT message_type, media_url FROM chat_messages WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", messageId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
