using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Infrastructure.Persistence;

/// <summary>A few Astegni people with connections between them, for trying the chat locally.</summary>
public static class DemoData
{
    public sealed record DemoUser(int Id, string Name, string Email);

    private static readonly (string First, string Father, string? Last, string Email, string Role)[] People =
    [
        ("Abebe", "Kebede", "Tadesse", "abebe.tutor@demo.astegni.et", "tutor"),
        ("Almaz", "Tesfaye", null, "almaz.student@demo.astegni.et", "student"),
        ("Dawit", "Bekele", "Girma", "dawit.parent@demo.astegni.et", "parent"),
        ("Hana", "Mulugeta", "Alemu", "hana.tutor@demo.astegni.et", "tutor"),
    ];

    // Abebe is connected to Almaz and Dawit; Hana to Almaz. Dawit and Hana are strangers.
    private static readonly (int A, int B)[] Connected = [(0, 1), (0, 2), (3, 1)];

    public static async Task<IReadOnlyList<DemoUser>> SeedAsync(ChatDbContext db, CancellationToken cancellationToken = default)
    {
        var ids = new List<int>();
        foreach (var person in People)
        {
            var inserted = await db.Database.SqlQuery<int>($"""
                INSERT INTO users (email, first_name, father_name, last_name, roles, active_role, is_active)
                VALUES ({person.Email}, {person.First}, {person.Father}, {person.Last}, json_build_array({person.Role}), {person.Role}, TRUE)
                ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken);
            ids.Add(inserted.Single());
        }

        foreach (var (a, b) in Connected)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO connections (requested_by, requester_type, recipient_id, recipient_type, status, requested_at, connected_at)
                SELECT {ids[a]}, {People[a].Role}, {ids[b]}, {People[b].Role}, 'accepted', NOW(), NOW()
                WHERE NOT EXISTS (SELECT 1 FROM connections WHERE requested_by = {ids[a]} AND recipient_id = {ids[b]})
                """, cancellationToken);
        }

        return People.Select((p, i) => new DemoUser(ids[i], $"{p.First} {p.Last ?? p.Father}", p.Email)).ToList();
    }
}
