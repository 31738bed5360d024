using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>
/// The schema a fresh install starts from, read from the first EF migration itself, so the legacy
/// upgrade aims at exactly what a fresh database gets. Later migrations then run on top of either.
/// </summary>
internal sealed class BaselineSchema
{
    private readonly IMigrationsSqlGenerator _generator;
    private readonly IMigrator _migrator;
    private readonly IHistoryRepository _history;

    private BaselineSchema(ChatDbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var (id, type) = assembly.Migrations.First();
        var operations = assembly.CreateMigration(type, db.Database.ProviderName!).UpOperations;
        MigrationId = id;
        Tables = operations.OfType<CreateTableOperation>().ToList();
        Indexes = operations.OfType<CreateIndexOperation>().ToList();
        SqlOperations = operations.OfType<SqlOperation>().ToList();
        Extensions = operations.OfType<AlterDatabaseOperation>()
            .SelectMany(o => o.GetAnnotations())
            .Where(a => a.Name.StartsWith("Npgsql:PostgresExtension:", StringComparison.Ordinal))
            .Select(a => a.Name["Npgsql:PostgresExtension:".Length..])
            .ToList();
        _generator = db.GetService<IMigrationsSqlGenerator>();
        _migrator = db.GetService<IMigrator>();
        _history = db.GetService<IHistoryRepository>();
    }

    public string MigrationId { get; }
    public IReadOnlyList<CreateTableOperation> Tables { get; }
    public IReadOnlyList<CreateIndexOperation> Indexes { get; }
    public IReadOnlyList<SqlOperation> SqlOperations { get; }
    public IReadOnlyList<string> Extensions { get; }

    public static BaselineSchema Load(string connectionString)
    {
        using var db = new ChatDbContext(
            ChatDbContextOptions.Configure(new DbContextOptionsBuilder<ChatDbContext>(), connectionString).Options);
        return new BaselineSchema(db);
    }

    /// <summary>The SQL EF would run for these operations.</summary>
    public string Sql(params MigrationOperation[] operations) =>
        string.Join(";\n", _generator.Generate(operations).Select(c => c.CommandText.TrimEnd().TrimEnd(';')));

    /// <summary>Creates the migrations history table and records the baseline as applied.</summary>
    public string RecordBaselineSql() =>
        _history.GetCreateIfNotExistsScript() + "\n" + _history.GetInsertScript(new HistoryRow(MigrationId, ProductInfo.GetVersion()));

    /// <summary>The SQL of every migration after the baseline (empty while there is none).</summary>
    public string LaterMigrationsSql() =>
        _migrator.GenerateScript(MigrationId, null, MigrationsSqlGenerationOptions.NoTransactions);
}
