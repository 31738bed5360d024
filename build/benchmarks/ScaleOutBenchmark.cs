using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Astegni.Chat.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Benchmarks;

public sealed record DeliveryAtRate(int Rate, Latencies Latencies, long Lost, long Refused, string? FirstRefusal);

public sealed record IdleConnections(int Count, long BaselineBytes, long HoldingBytes, TimeSpan ConnectTime)
{
    public double BytesPerConnection => (HoldingBytes - BaselineBytes) / (double)Count;
}

public sealed record InstancesThroughput(int Instances, bool Redis, LoadResult Load);

public sealed record DeliveryPair(DeliveryAtRate OneInstance, DeliveryAtRate AcrossInstances);

public sealed record ScaleOutResult(IReadOnlyList<DeliveryPair> Delivery, IdleConnections Idle, IReadOnlyList<InstancesThroughput> Throughput);

/// <summary>
/// (g) Several instances: each instance is the service's executable in a process of its own (Production), on
/// one database and, when scaled out, one Redis (a private <c>redis-server</c>); HAProxy in front where a client
/// would go through a load balancer. Measures send → hub delivery at a fixed rate on one instance and across
/// two, the memory one instance needs for idle hub connections, and sends per second with 1, 2 and 3 instances.
/// </summary>
public static class ScaleOutBenchmark
{
    // The issue's 200 messages/s, and a rate a small machine sustains (where 200/s is beyond it, its latency is a queue's).
    private static readonly int[] DeliveryRates = [50, 200];
    private const int DeliveryPairs = 20;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    public static async Task<ScaleOutResult> RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(options.ServerConnectionString, "chat_bench_scale");
        await using var redis = await PrivateRedis.StartAsync();
        var scaledOut = new Dictionary<string, string> { ["Redis:Connection"] = redis.Configuration };
        var measure = options.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);
        var warmup = options.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(15);

        var delivery = new List<DeliveryPair>();
        foreach (var rate in DeliveryRates)
        {
            DeliveryAtRate single;
            await using (var alone = await StartAsync(database, settings: null))
            {
                Progress($"send -> hub delivery at {rate} messages/s, one instance");
                single = await DeliveryAsync(database, $"single{rate}", alone, alone, rate, warmup, measure);
            }

            await using var first = await StartAsync(database, scaledOut);
            await using var second = await StartAsync(database, scaledOut);
            Progress($"send -> hub delivery at {rate} messages/s, across two instances");
            delivery.Add(new DeliveryPair(single, await DeliveryAsync(database, $"across{rate}", second, first, rate, warmup, measure)));
        }

        IdleConnections idle;
        await using (var holder = await StartAsync(database, scaledOut))
        // Two HAProxy processes, a load balancer tier of two: one HAProxy may hold 9,000 connections on this
        // machine (two descriptors each, 20,000 descriptors a process).
        await using (var proxyA = await PrivateHaProxy.StartRoundRobinAsync(holder.Address))
        await using (var proxyB = await PrivateHaProxy.StartRoundRobinAsync(holder.Address))
        {
            var count = options.Quick ? 1_000 : 10_000;
            Progress($"opening {count:N0} idle hub connections through HAProxy");
            idle = await IdleAsync(database, holder, [proxyA, proxyB], count);
        }

        var throughput = new List<InstancesThroughput>();
        foreach (var (instances, useRedis) in new[] { (1, false), (1, true), (2, true), (3, true) })
        {
            Progress($"REST send through HAProxy, {instances} instance(s){(useRedis ? " on Redis" : "")}");
            throughput.Add(new InstancesThroughput(
                instances, useRedis, await ThroughputAsync(database, instances, useRedis ? scaledOut : null, options, warmup)));
        }

        return new ScaleOutResult(delivery, idle, throughput);
    }

    private static async Task<ServiceProcess> StartAsync(BenchDatabase database, IReadOnlyDictionary<string, string>? settings)
    {
        var service = new ServiceProcess(database.ConnectionString, BenchHost.SigningKey, settings);
        await service.StartAsync();
        return service;
    }

    /// <summary>Messages posted through <paramref name="sendTo"/> at a fixed rate, received on <paramref name="listenOn"/>.</summary>
    private static async Task<DeliveryAtRate> DeliveryAsync(
        BenchDatabase database, string prefix, ServiceProcess sendTo, ServiceProcess listenOn, int rate, TimeSpan warmup, TimeSpan measure)
    {
        var senders = await database.AddUsersAsync(prefix + "-sender", DeliveryPairs);
        var recipients = await database.AddUsersAsync(prefix + "-recipient", DeliveryPairs);
        var clients = senders.Select(id => sendTo.ClientWith(BenchHost.TokenFor(id))).ToArray();
        var conversations = new int[DeliveryPairs];
        for (var i = 0; i < DeliveryPairs; i++)
        {
            conversations[i] = await ChatCalls.OpenDirectAsync(clients[i], recipients[i]);
        }

        var sentAt = new ConcurrentDictionary<string, long>();
        long refused = 0;
        string? firstRefusal = null;
        var latencies = new Latencies(rate * (int)measure.TotalSeconds);
        var recording = false;
        var listeners = new List<HubConnection>();
        foreach (var recipient in recipients)
        {
            var listener = Hub(listenOn.Address, recipient);
            listener.On<JsonElement>("message_created", payload =>
            {
                var received = Stopwatch.GetTimestamp();
                var content = payload.GetProperty("message").GetProperty("content").GetString();
                if (content is not null && sentAt.TryRemove(content, out var start) && Volatile.Read(ref recording))
                {
                    lock (latencies)
                    {
                        latencies.Add(start, received);
                    }
                }
            });
            await listener.StartAsync();
            listeners.Add(listener);
        }

        // Open loop: message k leaves at k / rate whatever the answers before it, as independent users send.
        async Task PaceAsync(TimeSpan length, string tag)
        {
            var sends = new List<Task>();
            var clock = Stopwatch.StartNew();
            for (var k = 0; clock.Elapsed < length; k++)
            {
                var due = TimeSpan.FromSeconds(k / (double)rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                var pair = k % DeliveryPairs;
                var content = $"{tag} {k} {Guid.NewGuid():N}";
                sentAt[content] = Stopwatch.GetTimestamp();
                sends.Add(SendCountingRefusalsAsync(clients[pair], conversations[pair], content));
            }

            await Task.WhenAll(sends);
            await Task.Delay(EventTimeout / 5);
        }

        // An overloaded instance sheds load (503 when its database pool runs dry): counted, not fatal.
        async Task SendCountingRefusalsAsync(HttpClient client, int conversationId, string content)
        {
            try
            {
                await ChatCalls.SendAsync(client, conversationId, content);
            }
            catch (InvalidOperationException refusal)
            {
                sentAt.TryRemove(content, out _);
                if (Volatile.Read(ref recording))
                {
                    Interlocked.Increment(ref refused);
                    Interlocked.CompareExchange(ref firstRefusal, refusal.Message[..Math.Min(120, refusal.Message.Length)], null);
                }
            }
        }

        await PaceAsync(warmup, "warm-up");
        sentAt.Clear();
        Volatile.Write(ref recording, true);
        await PaceAsync(measure, "measured");
        var lost = sentAt.Count;

        foreach (var listener in listeners)
        {
            await listener.DisposeAsync();
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        return new DeliveryAtRate(rate, latencies, lost, refused, firstRefusal);
    }

    private static async Task<IdleConnections> IdleAsync(BenchDatabase database, ServiceProcess holder, PrivateHaProxy[] proxies, int count)
    {
        var users = await database.AddUsersAsync("idle", count);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var baseline = holder.ResidentBytes();
        var connections = new ConcurrentBag<HubConnection>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, cancellationToken) =>
        {
            var connection = Hub(proxies[user % proxies.Length].Address, user);
            await connection.StartAsync(cancellationToken);
            connections.Add(connection);
        });
        var connectTime = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(5)); // the keep-alives of every connection have gone round
        var holding = holder.ResidentBytes();

        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (connection, _) => await connection.DisposeAsync());
        return new IdleConnections(count, baseline, holding, connectTime);
    }

    private static async Task<LoadResult> ThroughputAsync(
        BenchDatabase database, int instances, IReadOnlyDictionary<string, string>? settings, BenchOptions options, TimeSpan warmup)
    {
        var services = new List<ServiceProcess>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                services.Add(await StartAsync(database, settings));
            }

            await using var proxy = await PrivateHaProxy.StartRoundRobinAsync([.. services.Select(s => s.Address)]);
            var tag = $"rr{instances}{(settings is null ? "" : "r")}";
            var senders = await database.AddUsersAsync(tag + "-sender", options.Concurrency);
            var recipients = await database.AddUsersAsync(tag + "-recipient", options.Concurrency);
            var clients = senders.Select(id => ClientThrough(proxy, id)).ToArray();
            var conversations = new int[options.Concurrency];
            for (var i = 0; i < options.Concurrency; i++)
            {
                conversations[i] = await ChatCalls.OpenDirectAsync(clients[i], recipients[i]);
            }

            var result = await LoadRunner.RunAsync(
                options.Concurrency, WarmupPolicy.Fixed(warmup), options.Duration, cpu: null,
                (worker, sequence) => ChatCalls.SendAsync(clients[worker], conversations[worker], $"scale {sequence}"));
            foreach (var client in clients)
            {
                client.Dispose();
            }

            return result;
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }

    private static HttpClient ClientThrough(PrivateHaProxy proxy, int userId)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = proxy.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", BenchHost.TokenFor(userId));
        return client;
    }

    private static HubConnection Hub(Uri server, int userId) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/chat"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(BenchHost.TokenFor(userId));
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketConfiguration = ws => ws.Proxy = null;
            })
            .Build();

    private static void Progress(string what) => Console.Error.WriteLine($"    ... {what}");
}
