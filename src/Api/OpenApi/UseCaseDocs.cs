using System.Reflection;
using System.Xml.Linq;
using Astegni.Chat.Application.Common;
using Mediator;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>
/// The use cases behind the endpoints and their doc comments, read from the Application assembly's XML
/// documentation, so an operation's summary and description are the use case's own words, written once.
/// </summary>
public sealed class UseCaseDocs
{
    // Endpoints whose handler sends more than one use case, or one of another name.
    private static readonly Dictionary<string, string[]> UseCasesByEndpoint = new(StringComparer.Ordinal)
    {
        ["CreateConversation"] = ["OpenDirectConversation", "CreateGroup"],
    };

    private readonly Dictionary<string, Type> _useCases;
    private readonly Dictionary<string, string> _summaries;

    public UseCaseDocs()
    {
        var application = typeof(IChatCommand).Assembly;
        _useCases = application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        _summaries = ReadSummaries(application);
    }

    /// <summary>The use cases an endpoint handler sends, by the handler's name.</summary>
    public IReadOnlyList<Type> For(string endpointName) =>
        (UseCasesByEndpoint.GetValueOrDefault(endpointName) ?? [endpointName])
            .Select(name => _useCases.GetValueOrDefault(name))
            .OfType<Type>()
            .ToList();

    public string? Summary(Type useCase) => _summaries.GetValueOrDefault($"T:{useCase.FullName}");

    private static Dictionary<string, string> ReadSummaries(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            return [];
        }

        return XDocument.Load(path).Descendants("member")
            .Where(member => member.Attribute("name") is not null && member.Element("summary") is not null)
            .ToDictionary(
                member => member.Attribute("name")!.Value,
                member => Flatten(member.Element("summary")!),
                StringComparer.Ordinal);
    }

    // <c>x</c> and <see cref="T:A.B"/> read as `x` and B; whitespace of the source layout collapses.
    private static string Flatten(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
            XElement e when e.Attribute("cref") is { } cref => cref.Value[(cref.Value.LastIndexOf('.') + 1)..],
            XElement e when e.Attribute("langword") is { } word => $"`{word.Value}`",
            XElement e => e.Value,
            _ => string.Empty,
        }));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
