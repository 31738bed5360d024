using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests;

/// <summary>One database and one running service for the assembly; tables emptied before each test.</summary>
[SetUpFixture]
public sealed class ApiSetup
{
    public static TestDatabase Database { get; private set; } = null!;
    public static ChatApiFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        Database = await TestDatabase.CreateAsync("chat_api_tests");
        Factory = new ChatApiFactory(Database.ConnectionString);
        _ = Factory.ServerAddress;
    }

    [OneTimeTearDown]
    public async Task Stop() => await Factory.DisposeAsync();
}

public abstract class ApiTest
{
    protected static TestDatabase Db => ApiSetup.Database;
    protected static ChatApiFactory Factory => ApiSetup.Factory;

    [SetUp]
    public Task ResetDatabase() => Db.ResetAsync();

    /// <summary>A user in Astegni's users table, with an authenticated client.</summary>
    protected static async Task<TestUser> UserAsync(string firstName, string? lastName = null)
    {
        var id = await Db.AddUserAsync(firstName, lastName);
        return new TestUser(id, Factory.ClientFor(id));
    }
}

public sealed record TestUser(int Id, HttpClient Http);
