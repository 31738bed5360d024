using Astegni.Chat.Api.Tests.Calls;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Api.Tests.Limits;

/// <summary>Uploads nobody sent are deleted (row and file) after their lifetime; anything a message carries stays.</summary>
public sealed class UnusedUploadExpiryTests : ApiTest
{
    [Test]
    public async Task AnOldUnusedUpload_IsDeleted_WhileOneAMessageCarriesStays()
    {
        var root = Path.Combine(Path.GetTempPath(), $"astegni-expiry-{Guid.NewGuid():N}");
        try
        {
            await using var service = new ConfiguredChatApiFactory(new Dictionary<string, string>
            {
                ["Media:Root"] = root,
                ["Media:UnusedUploadLifetime"] = "00:00:01",
                ["Media:UnusedUploadCheckInterval"] = "00:00:00.200",
            });
            var me = service.User(await Db.AddUserAsync("Me"));
            var friend = await Db.AddUserAsync("Friend");
            var conversationId = await me.OpenDirectIdAsync(friend);
            var sent = (await me.UploadOkAsync(SampleMedia.Png(), "sent.png", "image/png"))["id"]!.GetValue<int>();
            await me.SendMediaOkAsync(conversationId, "image", sent);
            var unused = (await me.UploadOkAsync(SampleMedia.Png(5, 5), "unused.png", "image/png"))["id"]!.GetValue<int>();
            Assert.That(Directory.GetFiles(root, "*", SearchOption.AllDirectories), Has.Length.EqualTo(2));

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (await Db.ScalarAsync<long>("SELECT count(*) FROM chat_media WHERE id = $1", unused) > 0)
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the unused upload was never deleted");
                await Task.Delay(100);
            }

            await Task.Delay(500);
            Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_media WHERE id = $1", sent), Is.EqualTo(1));
            Assert.That(Directory.GetFiles(root, "*", SearchOption.AllDirectories), Has.Length.EqualTo(1), "the unused file is gone, the sent one stays");
            var download = await me.DownloadAsync(sent);
            Assert.That((int)download.StatusCode, Is.EqualTo(200));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Test]
    public async Task AFreshUnusedUpload_Stays()
    {
        var root = Path.Combine(Path.GetTempPath(), $"astegni-expiry-{Guid.NewGuid():N}");
        try
        {
            await using var service = new ConfiguredChatApiFactory(new Dictionary<string, string>
            {
                ["Media:Root"] = root,
                ["Media:UnusedUploadCheckInterval"] = "00:00:00.100",
            });
            var me = service.User(await Db.AddUserAsync("Me"));
            var upload = (await me.UploadOkAsync(SampleMedia.Png(), "later.png", "image/png"))["id"]!.GetValue<int>();

            await Task.Delay(TimeSpan.FromSeconds(1));

            Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_media WHERE id = $1", upload), Is.EqualTo(1));
            Assert.That(Directory.GetFiles(root, "*", SearchOption.AllDirectories), Has.Length.EqualTo(1));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
