namespace Astegni.Chat.Benchmarks;

/// <summary>
/// One sender per worker, each with a recipient of its own and the direct conversation between them
/// (opened over REST, as a client would), plus one more pair for the hub-delivery probe.
/// </summary>
public sealed class SendFixture : IDisposable
{
    private SendFixture(Pair[] senders, Pair probe)
    {
        Senders = senders;
        Probe = probe;
    }

    public sealed record Pair(int SenderId, int RecipientId, int ConversationId, HttpClient Client);

    public IReadOnlyList<Pair> Senders { get; }

    public Pair Probe { get; }

    public static async Task<SendFixture> CreateAsync(BenchHost host, BenchDatabase database, int concurrency)
    {
        var senders = await database.AddUsersAsync("sender", concurrency + 1);
        var recipients = await database.AddUsersAsync("recipient", concurrency + 1);
        var pairs = new Pair[concurrency + 1];
        for (var i = 0; i < pairs.Length; i++)
        {
            var client = host.ClientFor(senders[i]);
            var conversationId = await ChatCalls.OpenDirectAsync(client, recipients[i]);
            pairs[i] = new Pair(senders[i], recipients[i], conversationId, client);
        }

        return new SendFixture(pairs[..concurrency], pairs[concurrency]);
    }

    public void Dispose()
    {
        foreach (var pair in Senders.Append(Probe))
        {
            pair.Client.Dispose();
        }
    }
}
