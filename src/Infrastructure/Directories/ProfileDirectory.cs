using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Astegni.Chat.Infrastructure.Directories;

/// <summary>
/// Astegni's <c>student_profiles</c>, <c>tutor_profiles</c> and <c>parent_profiles</c> (<c>id</c>, <c>user_id</c>),
/// read-only. They belong to other modules and are missing from a standalone database, so each lookup first
/// asks the catalog which of them exist (one cheap statement; only old clients' calls come here).
/// </summary>
internal sealed class ProfileDirectory(ChatDbContext db) : IProfileDirectory
{
    public async Task<IReadOnlyDictionary<UserId, ProfileRef>> ProfilesOfAsync(
        IReadOnlyCollection<UserId> users, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Value).Distinct().ToArray();
        var found = new Dictionary<UserId, ProfileRef>();
        var tables = ids.Length == 0 ? [] : await ExistingProfileTypesAsync(cancellationToken);
        if (tables.Count > 0)
        {
            // The role order is the tie-break when a user has several profiles and none for their active role.
            var profiles = string.Join(" UNION ALL ", tables.Select(type =>
                $"SELECT '{type}' AS profile_type, id AS profile_id, user_id, {ProfileRef.RoleTypes.ToList().IndexOf(type)} AS rank " +
                $"FROM {type}_profiles WHERE user_id = ANY(@ids)"));
            // Table names and types come from ProfileRef.RoleTypes only; the ids are a parameter.
            var sql = $"""
                SELECT DISTINCT ON (p.user_id) p.user_id, p.profile_type, p.profile_id
                FROM ({profiles}) p LEFT JOIN users u ON u.id = p.user_id
                ORDER BY p.user_id, (lower(u.active_role) = p.profile_type) IS TRUE DESC, p.rank
                """;
            var rows = await db.Database.SqlQueryRaw<ProfileRow>(sql, new NpgsqlParameter("ids", ids))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[new UserId(row.UserId)] = new ProfileRef(row.ProfileType, row.ProfileId);
            }
        }

        foreach (var id in ids)
        {
            found.TryAdd(new UserId(id), ProfileRef.OfUserWithoutProfile(new UserId(id)));
        }

        return found;
    }

    public async Task<UserId?> OwnerOfAsync(ProfileRef profile, CancellationToken cancellationToken)
    {
        var type = profile.ProfileType.ToLowerInvariant();
        if (type == ProfileRef.UserType)
        {
            var user = new UserId(profile.ProfileId);
            return await db.Users.AnyAsync(u => u.Id == user, cancellationToken) ? user : null;
        }

        // The type is one of the known role names before it becomes part of a table name.
        if (!ProfileRef.RoleTypes.Contains(type) || !(await ExistingProfileTypesAsync(cancellationToken)).Contains(type))
        {
            return null;
        }

        var sql = $"""SELECT user_id AS "Value" FROM {type}_profiles WHERE id = @id""";
        var owners = await db.Database.SqlQueryRaw<int>(sql, new NpgsqlParameter("id", profile.ProfileId))
            .ToListAsync(cancellationToken);
        return owners is [var owner] ? new UserId(owner) : null;
    }

    private async Task<List<string>> ExistingProfileTypesAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<string>(
                """SELECT t AS "Value" FROM unnest(@types) t WHERE to_regclass(t || '_profiles') IS NOT NULL""",
                new NpgsqlParameter("types", ProfileRef.RoleTypes.ToArray()))
            .ToListAsync(cancellationToken);

    private sealed record ProfileRow(int UserId, string ProfileType, int ProfileId);
}
