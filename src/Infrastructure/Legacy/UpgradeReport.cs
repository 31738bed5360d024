using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astegni.Chat.Infrastructure.Legacy;

/// <summary>Row counts of one table before and after, and where the difference went.</summary>
public sealed class TableCounts
{
    public long Before { get; set; }
    public long After { get; set; }
    public long Merged { get; set; }
    public long Orphaned { get; set; }

    /// <summary>Rows the upgrade created (e.g. per-user deletions drawn from a JSON column).</summary>
    public long Created { get; set; }

    [JsonIgnore]
    public bool Reconciles => Before + Created == After + Merged + Orphaned;
}

/// <summary>What the upgrade found and did (or, in a dry run, would do).</summary>
public sealed class UpgradeReport
{
    public string Database { get; set; } = string.Empty;
    public string Shape { get; set; } = string.Empty;
    public bool DryRun { get; set; }
    public string Outcome { get; set; } = string.Empty;
    public string? LegacyTimeZone { get; set; }
    public IReadOnlyList<string> Missing { get; set; } = [];
    public SortedDictionary<string, TableCounts> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>Named findings and changes, e.g. "participants.rekeyed": 3, "settings.unknown_values": 1.</summary>
    public SortedDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>What was found without needing a change (profiles mapped, content kept aside as before).</summary>
    public SortedDictionary<string, long> Found { get; } = new(StringComparer.Ordinal);

    /// <summary>How long each step took, in milliseconds, in the order they ran.</summary>
    public List<KeyValuePair<string, long>> StepMilliseconds { get; } = [];

    /// <summary>Individual merges and orphans, one line each, for the operator to read.</summary>
    public List<string> Details { get; } = [];

    public void Add(string key, long value)
    {
        if (value != 0)
        {
            Counts[key] = Counts.GetValueOrDefault(key) + value;
        }
    }

    public void Note(string key, long value)
    {
        if (value != 0)
        {
            Found[key] = Found.GetValueOrDefault(key) + value;
        }
    }

    public TableCounts Table(string name)
    {
        if (!Tables.TryGetValue(name, out var counts))
        {
            Tables[name] = counts = new TableCounts();
        }

        return counts;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Astegni chat upgrade{(DryRun ? " (dry run: nothing written)" : string.Empty)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  database: {Database}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  found:    {Shape}");
        if (LegacyTimeZone is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  legacy timestamps read in time zone {LegacyTimeZone}");
        }

        foreach (var missing in Missing)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  missing:  {missing}");
        }

        if (Tables.Count > 0)
        {
            text.AppendLine("  rows per table (before -> after; merged, orphaned, created):");
            foreach (var (name, c) in Tables)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {name,-28} {c.Before,9} -> {c.After,9}   merged {c.Merged}, orphaned {c.Orphaned}, created {c.Created}");
            }
        }

        if (Found.Count > 0)
        {
            text.AppendLine("  seen, nothing to change:");
            foreach (var (key, value) in Found)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {key,-44} {value,9}");
            }
        }

        if (Counts.Count > 0)
        {
            text.AppendLine("  changes:");
            foreach (var (key, value) in Counts)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {key,-44} {value,9}");
            }
        }

        if (StepMilliseconds.Count > 0)
        {
            text.AppendLine("  time per step (ms):");
            foreach (var (step, ms) in StepMilliseconds)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {step,-44} {ms,9}");
            }
        }

        foreach (var detail in Details)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    - {detail}");
        }

        text.Append(CultureInfo.InvariantCulture, $"  outcome: {Outcome}");
        return text.ToString();
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };
}
