using Microsoft.Extensions.Options;
using ZaloBot.Conversation;

namespace ZaloBot.Survey;

/// <summary>
/// The survey this service runs, loaded and validated once at start-up from
/// <c>Survey:DefinitionPath</c> (default: the editable PKS02 file shipped with the service).
/// </summary>
public sealed class SurveyCatalog
{
    public SurveyCatalog(IConfiguration configuration, IOptions<SurveyEngineOptions> options)
    {
        Path = Resolve(configuration["Survey:DefinitionPath"] ?? SurveyDefinitionLoader.DefaultFile);
        Definition = SurveyDefinitionLoader.Load(Path);
        Engine = new SurveyEngine(Definition, options.Value);
        Communes = Definition.Communes.Select(c => new Reporting.Commune(c.Code, c.Name)).ToList();
    }

    public string Path { get; }

    public SurveyDefinition Definition { get; }

    public SurveyEngine Engine { get; }

    public IReadOnlyList<Reporting.Commune> Communes { get; }

    public bool IsCommune(string code) => Communes.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>A relative path is tried from the working folder first, then beside the service's binaries.</summary>
    private static string Resolve(string path) =>
        System.IO.Path.IsPathRooted(path) || File.Exists(path)
            ? System.IO.Path.GetFullPath(path)
            : System.IO.Path.Combine(AppContext.BaseDirectory, path);
}
