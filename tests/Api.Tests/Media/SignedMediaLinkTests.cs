using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.TestSupport.Media;

namespace Astegni.Chat.Api.Tests.Media;

/// <summary>
/// The <c>signed_url</c> of a media object: it downloads with no header (as an <c>&lt;img&gt;</c> or an old client
/// loads it) until it expires, only while the item is still shown, and is never handed to someone who may not see it.
/// </summary>
public sealed class SignedMediaLinkTests : MediaTest
{
    [Test]
    public async Task TheLinkInAMembersHistory_DownloadsWithoutAHeader_WithTheBearerDownloadsHeaders()
    {
        var (_, friend, conversationId, messageId, png) = await SentImageAsync();

        var link = SignedUrlOf(await friend.SeenAsync(conversationId, messageId));
        var response = await Anonymous().GetAsync(new Uri(link, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("inline"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("board.png"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Does.Contain("nosniff"));
            Assert.That(response.Headers.AcceptRanges, Does.Contain("bytes"));
        }
    }

    [Test]
    public async Task TheLinkOfAVoiceNote_ServesRanges_ForSeeking()
    {
        var me = await MediaUserAsync("Teacher");
        var student = await MediaUserAsync("Student");
        var groupId = await me.CreateGroupIdAsync("Grade 9 maths", student.Id);
        var voice = SampleMedia.Webm(withVideo: false, blocks: 200);
        var mediaId = (await me.UploadOkAsync(voice, "voice.webm", "audio/webm;codecs=opus"))["id"]!.GetValue<int>();
        var messageId = (await me.SendMediaOkAsync(groupId, "audio", mediaId))["id"]!.GetValue<int>();

        var link = SignedUrlOf(await student.SeenAsync(groupId, messageId));
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(link, UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(100, 199);
        var response = await Anonymous().SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(voice[100..200]));
            Assert.That(response.Content.Headers.ContentRange?.Length, Is.EqualTo(voice.Length));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("audio/webm"));
        }
    }

    [Test]
    public async Task TheMessagePushedToTheRecipientsHub_CarriesALinkThatDownloads()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var png = SampleMedia.Png(7, 7);
        var mediaId = await me.UploadIdAsync(png, "live.png");
        await using var friendsPhone = await HubListener.ConnectAsync(Media.ServerAddress, friend.Id, "message_created");

        await me.SendMediaOkAsync(conversationId, "image", mediaId);

        var pushed = await friendsPhone.NextAsync("message_created");
        var link = pushed.GetProperty("message").GetProperty("media").GetProperty("signed_url").GetString()!;
        var response = await Anonymous().GetAsync(new Uri(link, UriKind.Relative));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
    }

    [Test]
    public async Task TheUploadAndTheSentMessage_CarryALink_LivingTheDefaultFifteenMinutes()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var uploaded = await me.UploadOkAsync(SampleMedia.Png(), "board.png");
        var mediaId = uploaded["id"]!.GetValue<int>();

        var sent = await me.SendMediaOkAsync(conversationId, "image", mediaId);

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using (Assert.EnterMultipleScope())
        {
            foreach (var link in new[] { uploaded["signed_url"]!.GetValue<string>(), SignedUrlOf(sent) })
            {
                Assert.That(link, Does.StartWith($"/api/chat/media/{mediaId}/signed?expires="));
                Assert.That(ExpiresOf(link), Is.InRange(now + (10 * 60) - 60, now + (15 * 60) + 60), link + ": at least two thirds of the lifetime, links being the same within a step");
                Assert.That((await Anonymous().GetAsync(new Uri(link, UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK), link);
            }

            Assert.That(sent["media"]!["url"]!.GetValue<string>(), Is.EqualTo($"/api/chat/media/{mediaId}"), "the bearer url is unchanged");
        }
    }

    [Test]
    public async Task AGenuineLinkPastItsExpiry_IsGone()
    {
        var (_, friend, conversationId, messageId, _) = await SentImageAsync();
        var mediaId = (await friend.SeenAsync(conversationId, messageId))!["media"]!["id"]!.GetValue<int>();
        var expired = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        var signer = MediaUrlSigner.FromSecret(ChatApiFactory.SigningKey);

        var response = await Anonymous().GetAsync(LinkOf(mediaId, expired, signer.Sign(mediaId, expired)));

        await response.ProblemAsync(HttpStatusCode.Gone, "media_link_expired");
    }

    [Test]
    public async Task ALinkWhoseSignatureDoesNotFit_IsRefused()
    {
        var (me, friend, conversationId, messageId, _) = await SentImageAsync();
        var link = SignedUrlOf(await friend.SeenAsync(conversationId, messageId));
        var mediaId = int.Parse(link.Split('/')[4], CultureInfo.InvariantCulture);
        var expires = ExpiresOf(link);
        var signature = link[(link.IndexOf("signature=", StringComparison.Ordinal) + "signature=".Length)..];
        var otherMediaId = await me.UploadIdAsync(SampleMedia.Png(3, 3), "other.png");
        var tampered = (signature[0] == 'A' ? "B" : "A") + signature[1..];

        using (Assert.EnterMultipleScope())
        {
            foreach (var refused in new[]
            {
                LinkOf(mediaId, expires, tampered),
                LinkOf(otherMediaId, expires, signature),
                LinkOf(mediaId, expires + 3600, signature),
                new Uri($"/api/chat/media/{mediaId}/signed?expires={expires}", UriKind.Relative),
                new Uri($"/api/chat/media/{mediaId}/signed", UriKind.Relative),
                LinkOf(mediaId, expires, "not base64url!"),
            })
            {
                await (await Anonymous().GetAsync(refused)).ProblemAsync(HttpStatusCode.Forbidden, "media_link_invalid");
            }
        }
    }

    [Test]
    public async Task SomeoneOutsideTheConversation_GetsNoLink_AndCannotMakeOne()
    {
        var (me, _, conversationId, messageId, _) = await SentImageAsync();
        var outsider = await MediaUserAsync("Outsider");
        var mediaId = (await me.SeenAsync(conversationId, messageId))!["media"]!["id"]!.GetValue<int>();
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var signedWithAnotherKey = MediaUrlSigner.FromSecret("a key this service does not hold, long enough for hmac").Sign(mediaId, expires);

        var history = await outsider.Http.GetAsync(new Uri($"/api/chat/messages/{conversationId}", UriKind.Relative));
        var conversation = await outsider.Http.GetAsync(new Uri($"/api/chat/conversations/{conversationId}", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(history.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no history, so no link");
            Assert.That(await history.Content.ReadAsStringAsync(), Does.Not.Contain("signed"));
            Assert.That(conversation.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            await (await outsider.Http.GetAsync(LinkOf(mediaId, expires, signedWithAnotherKey)))
                .ProblemAsync(HttpStatusCode.Forbidden, "media_link_invalid");
            await (await outsider.Http.GetAsync(LinkOf(mediaId, expires, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))
                .ProblemAsync(HttpStatusCode.Forbidden, "media_link_invalid");
        }
    }

    [Test]
    public async Task AMessageDeletedForEveryone_StopsItsLink_AndItsViewCarriesNone()
    {
        var (me, friend, conversationId, messageId, _) = await SentImageAsync();
        var link = SignedUrlOf(await friend.SeenAsync(conversationId, messageId));

        await (await me.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();

        using (Assert.EnterMultipleScope())
        {
            await (await Anonymous().GetAsync(new Uri(link, UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound, "media_not_found");
            Assert.That((await friend.SeenAsync(conversationId, messageId))!["media"], Is.Null);
        }
    }

    [Test]
    public async Task AMediaMessageSentHere_FillsTheLegacyMediaUrlColumn_WithALongLivedLinkThatDownloads()
    {
        var (_, _, _, messageId, png) = await SentImageAsync();

        var stored = await Db.ScalarAsync<string>($"SELECT media_url FROM chat_messages WHERE id = {messageId}");
        var response = await Anonymous().GetAsync(new Uri(stored, UriKind.Relative));

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Does.StartWith("/api/chat/media/"));
            Assert.That(ExpiresOf(stored), Is.InRange(now + (30 * 86400) - 3600 - 60, now + (30 * 86400) + 60), "Legacy:MediaUrlLifetime, 30 days by default (less at most an hour's step)");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
        }
    }

    [Test]
    public async Task AForwardedMediaMessage_FillsTheLegacyMediaUrlColumnToo()
    {
        var (_, friend, _, messageId, png) = await SentImageAsync();
        var third = await MediaUserAsync("Third");
        var elsewhere = await friend.OpenDirectIdAsync(third.Id);

        var forwarded = await (await friend.ForwardAsync(elsewhere, messageId)).JsonAsync(HttpStatusCode.Created);

        var stored = await Db.ScalarAsync<string>($"SELECT media_url FROM chat_messages WHERE id = {forwarded["message"]!["id"]!.GetValue<int>()}");
        Assert.That(await (await Anonymous().GetAsync(new Uri(stored, UriKind.Relative))).Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
    }

    [Test]
    public async Task ATextMessage_LeavesTheLegacyMediaUrlColumnEmpty()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var messageId = await me.SendIdAsync(conversationId, "selam");

        Assert.That(await Db.ScalarAsync<bool>($"SELECT media_url IS NULL FROM chat_messages WHERE id = {messageId}"), Is.True);
    }

    private static async Task<(TestUser Me, TestUser Friend, int ConversationId, int MessageId, byte[] Png)> SentImageAsync()
    {
        var me = await MediaUserAsync("Sender");
        var friend = await MediaUserAsync("Friend");
        var conversationId = await me.OpenDirectIdAsync(friend.Id);
        var png = SampleMedia.Png(5, 4);
        var mediaId = await me.UploadIdAsync(png, "board.png");
        var messageId = (await me.SendMediaOkAsync(conversationId, "image", mediaId))["id"]!.GetValue<int>();
        return (me, friend, conversationId, messageId, png);
    }

    private static HttpClient Anonymous() => new() { BaseAddress = Media.ServerAddress };

    private static string SignedUrlOf(JsonNode? message) => message!["media"]!["signed_url"]!.GetValue<string>();

    private static long ExpiresOf(string link)
    {
        var query = link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&');
        return long.Parse(query.Single(p => p.StartsWith("expires=", StringComparison.Ordinal))["expires=".Length..], CultureInfo.InvariantCulture);
    }

    private static Uri LinkOf(int mediaId, long expires, string signature) =>
        new($"/api/chat/media/{mediaId}/signed?expires={expires}&signature={Uri.EscapeDataString(signature)}", UriKind.Relative);
}
