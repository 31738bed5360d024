using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests;

/// <summary>REST calls for media: multipart upload, download (with ranges), media messages.</summary>
internal static class MediaClient
{
    /// <summary>Uploads <paramref name="bytes"/> as the browser does: multipart field <c>file</c> with a name and a declared type.</summary>
    /// <param name="expectContinue">
    /// Ask before sending the body (<c>Expect: 100-continue</c>), so a refusal on the declared length arrives
    /// before the client has written megabytes into a connection the server closes.
    /// </param>
    public static Task<HttpResponseMessage> UploadAsync(
        this TestUser user,
        byte[] bytes,
        string? fileName = "upload.bin",
        string? declaredType = "application/octet-stream",
        string? kind = null,
        bool expectContinue = false)
    {
        var form = new MultipartFormDataContent();
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        var file = new ByteArrayContent(bytes);
        if (declaredType is not null)
        {
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        }

        if (fileName is null)
        {
            form.Add(file, "file");
        }
        else
        {
            form.Add(file, "file", fileName);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/chat/media", UriKind.Relative)) { Content = form };
        request.Headers.ExpectContinue = expectContinue;
        return user.Http.SendAsync(request);
    }

    /// <summary>Uploads and returns the <c>media</c> object of the 201 answer.</summary>
    public static async Task<JsonNode> UploadOkAsync(this TestUser user, byte[] bytes, string? fileName = "upload.bin", string? declaredType = "application/octet-stream", string? kind = null) =>
        (await (await user.UploadAsync(bytes, fileName, declaredType, kind)).JsonAsync(HttpStatusCode.Created))["media"]!;

    public static async Task<int> UploadIdAsync(this TestUser user, byte[] bytes, string? fileName = "upload.bin") =>
        (await user.UploadOkAsync(bytes, fileName))["id"]!.GetValue<int>();

    public static Task<HttpResponseMessage> DownloadAsync(this TestUser user, int mediaId, RangeHeaderValue? range = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/chat/media/{mediaId}", UriKind.Relative));
        request.Headers.Range = range;
        return user.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendMediaAsync(
        this TestUser user, int conversationId, string messageType, int? mediaId, string? caption = null) =>
        user.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["message_type"] = messageType,
            ["media_id"] = mediaId,
            ["content"] = caption,
        });

    public static async Task<JsonNode> SendMediaOkAsync(this TestUser user, int conversationId, string messageType, int mediaId, string? caption = null) =>
        (await (await user.SendMediaAsync(conversationId, messageType, mediaId, caption)).JsonAsync(HttpStatusCode.Created))["message"]!;

    public static Task<HttpResponseMessage> SendLocationAsync(this TestUser user, int conversationId, string? content) =>
        user.Http.PostAsJsonAsync("/api/chat/messages", new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["message_type"] = "location",
            ["content"] = content,
        });
}
