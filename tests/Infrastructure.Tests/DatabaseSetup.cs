using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Infrastructure.Tests;

/// <summary>One migrated database for this assembly; each test starts from empty tables.</summary>
[SetUpFixture]
public sealed class DatabaseSetup
{
    public static TestDatabase Database { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => Database = await TestDatabase.CreateAsync("chat_infrastructure_tests");
}

public abstract class DatabaseTest
{
    protected static TestDatabase Db => DatabaseSetup.Database;

    [SetUp]
    public Task ResetDatabase() => Db.ResetAsync();
}
