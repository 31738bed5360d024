using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Faults;

/// <summary>
/// Senders that each send one message after another, as the web page does: a message whose answer did not
/// come back as a success (503, a broken connection, a timeout) is sent again with the same
/// <c>client_message_id</c> until it is acknowledged. Records what every attempt was answered.
/// </summary>
public sealed class SteadySends
{
    /// <summary>The answer recorded for an attempt that got no HTTP response at all.</summary>
    public const HttpStatusCode NoAnswer = 0;

    private readonly IReadOnlyList<(HttpClient Client, int ConversationId)> _senders;
    private readonly CancellationTokenSource _stop = new();
    private Task[] _running = [];

    public SteadySends(IReadOnlyList<(HttpClient Client, int ConversationId)> senders) => _senders = senders;

    /// <summary>Every attempt's status, in no particular order.</summary>
    public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

    /// <summary>client_message_id → message id, for each message the service acknowledged (201, or 200 for a repeat).</summary>
    public ConcurrentDictionary<string, int> Acknowledged { get; } = new();

    /// <summary>When each acknowledgement arrived.</summary>
    public ConcurrentQueue<DateTime> AcknowledgedAt { get; } = new();

    public void Start() => _running = _senders.Select((sender, index) => Task.Run(() => SendAsync(index, sender.Client, sender.ConversationId))).ToArray();

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
    }

    /// <summary>Waits until at least <paramref name="count"/> more messages are acknowledged.</summary>
    public async Task AcknowledgedMoreAsync(int count, TimeSpan within)
    {
        var target = Acknowledged.Count + count;
        var deadline = DateTime.UtcNow + within;
        while (Acknowledged.Count < target)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Acknowledged.Count} of {target} messages acknowledged within {within}.");
            }

            await Task.Delay(20);
        }
    }

    private async Task SendAsync(int senderIndex, HttpClient client, int conversationId)
    {
        for (var sequence = 1; !_stop.IsCancellationRequested; sequence++)
        {
            var clientMessageId = $"s{senderIndex}-m{sequence}";
            while (!_stop.IsCancellationRequested)
            {
                if (await TrySendAsync(client, conversationId, clientMessageId) is { } messageId)
                {
                    Acknowledged[clientMessageId] = messageId;
                    AcknowledgedAt.Enqueue(DateTime.UtcNow);
                    break;
                }

                await Task.Delay(100);
            }
        }
    }

    private async Task<int?> TrySendAsync(HttpClient client, int conversationId, string clientMessageId)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/chat/messages", UriKind.Relative), new JsonObject
            {
                ["conversation_id"] = conversationId,
                ["message_type"] = "text",
                ["content"] = clientMessageId,
                ["client_message_id"] = clientMessageId,
            });
            Answers.Enqueue(response.StatusCode);
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            return body!["message"]!["id"]!.GetValue<int>();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Answers.Enqueue(NoAnswer);
            return null;
        }
    }
}
