using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests.Faults;

/// <summary>The service in a process of its own, with the tests' signing key.</summary>
internal static class ServiceProcesses
{
    public static ServiceProcess Create(string connectionString, IReadOnlyDictionary<string, string>? settings = null) =>
        new(connectionString, ChatApiFactory.SigningKey, settings);

    public static HttpClient ClientFor(this ServiceProcess service, int userId) => service.ClientWith(ChatApiFactory.TokenFor(userId));
}
