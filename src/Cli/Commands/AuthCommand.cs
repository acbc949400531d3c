using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Llm.Config;
using Smooth.Llm.Routing;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th auth</c>: model providers and routing slots in <c>~/.smooth/providers.json</c>. Keys are never printed.</summary>
public static class AuthCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Build()
    {
        var auth = new Command("auth", "Model providers, their keys and the routing slots (~/.smooth/providers.json)");
        auth.Add(Login());
        auth.Add(Providers());
        auth.Add(Default());
        auth.Add(Logout());
        auth.Add(Route());
        return auth;
    }

    private static Command Login()
    {
        var provider = new Argument<string>("provider") { Description = $"a preset ({string.Join(", ", ProviderPreset.All.Select(p => p.Id))}) or a new id with --url" };
        var keyEnv = new Option<string>("--key-env") { Description = "read the key from this environment variable at use time (nothing secret is stored)" };
        var keyStdin = new Option<bool>("--key-stdin") { Description = "read the key from standard input" };
        var url = new Option<string>("--url") { Description = "the API base URL (any OpenAI-compatible endpoint; overrides a preset's)" };
        var format = new Option<string>("--format") { Description = "openai (default) or anthropic" };
        var model = new Option<string>("--model") { Description = "the provider's default model" };
        var command = new Command("login", "Add or update a provider and its key") { provider, keyEnv, keyStdin, url, format, model };
        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(provider)!;
            var env = parse.GetValue(keyEnv);
            var fromStdin = parse.GetValue(keyStdin);
            if (env is not null && fromStdin)
            {
                throw new SmoothException("--key-env and --key-stdin are mutually exclusive", "pass one of them (or neither, to be prompted)", ExitCodes.BadInput);
            }
            var store = ProvidersStore.ForCurrentUser();
            var file = await store.LoadAsync(ct);
            var preset = ProviderPreset.Find(id);
            var existing = file.FindProvider(id);
            var apiUrl = parse.GetValue(url) ?? existing?.ApiUrl ?? preset?.ApiUrl ?? throw new SmoothException(
                $"'{id}' is not a known provider",
                $"use a preset ({string.Join(", ", ProviderPreset.All.Select(p => p.Id))}) or pass --url for any OpenAI-compatible endpoint",
                ExitCodes.BadInput);
            var apiFormat = parse.GetValue(format) switch
            {
                null => existing?.ApiFormat ?? preset?.Format ?? ApiFormat.OpenAI,
                "openai" => ApiFormat.OpenAI,
                "anthropic" => ApiFormat.Anthropic,
                var other => throw new SmoothException($"--format '{other}' is not openai or anthropic", null, ExitCodes.BadInput),
            };
            var defaultModel = parse.GetValue(model) ?? existing?.DefaultModel ?? preset?.DefaultModel ?? throw new SmoothException(
                $"provider '{id}' needs a default model", "pass --model <name>", ExitCodes.BadInput);
            var keyless = preset is not null && preset.KeyEnv is null;
            string? key = null;
            if (fromStdin)
            {
                key = (await Console.In.ReadToEndAsync(ct)).Trim();
                if (key.Length == 0) throw new SmoothException("no key on standard input", "pipe the key in, e.g. 'printenv OPENAI_API_KEY | th auth login openai --key-stdin'", ExitCodes.BadInput);
            }
            else if (env is null && !keyless)
            {
                if (Console.IsInputRedirected)
                {
                    throw new SmoothException($"no key given for '{id}' and there is no terminal to ask on",
                        $"pass --key-env {preset?.KeyEnv ?? "VAR"} or --key-stdin", ExitCodes.BadInput);
                }
                key = AnsiConsole.Prompt(new TextPrompt<string>($"API key for [bold]{Markup.Escape(id)}[/]:").Secret()).Trim();
            }
            if (key is not null && key.Any(char.IsWhiteSpace))
            {
                throw new SmoothException("the key contains whitespace", "check what you pasted or piped", ExitCodes.BadInput);
            }
            var entry = new ProviderConfig
            {
                Id = id,
                ApiUrl = apiUrl,
                ApiFormat = apiFormat,
                DefaultModel = defaultModel,
                ApiKey = key,
                ApiKeyEnv = env,
                NoKey = key is null && env is null,
            };
            var providers = file.Providers.Where(p => p.Id != id).Append(entry).ToList();
            var updated = file with { Providers = providers, DefaultProvider = file.DefaultProvider ?? id };
            await store.SaveAsync(updated, ct);
            var source = key is not null ? $"key {KeyRedaction.Hint(key)} stored in {store.Path} (mode 0600)"
                : env is not null ? $"key read from ${env} when used" : "no key needed";
            CliOutput.Line($"Logged in to {id} ({apiUrl}, {(apiFormat == ApiFormat.Anthropic ? "anthropic" : "openai")} format, default model {defaultModel}); {source}");
            if (updated.DefaultProvider == id && file.DefaultProvider is null)
            {
                CliOutput.Line($"{id} is now the default provider");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Providers()
    {
        var json = new Option<bool>("--json") { Description = "machine-readable output (docs/providers.md)" };
        var command = new Command("providers", "List providers (keys shown only as a redacted hint) and the routing of every slot") { json };
        command.SetAction(async (parse, ct) =>
        {
            var store = ProvidersStore.ForCurrentUser();
            var file = await store.LoadAsync(ct);
            var report = Report(file);
            if (parse.GetValue(json))
            {
                CliOutput.Json(report, LlmJsonContext.Default.ProvidersReport);
                return ExitCodes.Ok;
            }
            if (report.Providers.Count == 0)
            {
                CliOutput.Line($"No providers configured ({store.Path}). Add one with 'th auth login <provider>'.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("provider", "format", "url", "default model", "key");
            foreach (var p in report.Providers)
            {
                var key = p.KeySource == "none" ? "none needed" : $"{p.KeySource}{(p.KeyHint is null ? "" : " " + p.KeyHint)}{(p.KeyAvailable ? "" : " (missing)")}";
                table.AddRow(Markup.Escape(p.Id + (p.IsDefault ? " (default)" : "")), p.ApiFormat, Markup.Escape(p.ApiUrl), Markup.Escape(p.DefaultModel), Markup.Escape(key));
            }
            CliOutput.Human.Write(table);
            var routes = new Table().AddColumns("slot", "route");
            foreach (var (slot, route) in report.Routing)
            {
                routes.AddRow(slot, Markup.Escape(route));
            }
            CliOutput.Human.Write(routes);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static ProvidersReport Report(ProvidersFile file)
    {
        var providers = file.Providers.Select(p =>
        {
            string? hint = null;
            var available = true;
            string source;
            if (p.ApiKey is { } key)
            {
                source = "file";
                hint = KeyRedaction.Hint(key);
            }
            else if (p.ApiKeyEnv is { } env)
            {
                source = $"env:{env}";
                var value = Environment.GetEnvironmentVariable(env);
                available = !string.IsNullOrEmpty(value);
                hint = available ? KeyRedaction.Hint(value!) : null;
            }
            else
            {
                source = "none";
            }
            return new ProviderSummary
            {
                Id = p.Id,
                ApiUrl = p.ApiUrl,
                ApiFormat = p.ApiFormat == ApiFormat.Anthropic ? "anthropic" : "openai",
                DefaultModel = p.DefaultModel,
                KeySource = source,
                KeyHint = hint,
                KeyAvailable = available,
                IsDefault = p.Id == (file.DefaultProvider ?? (file.Providers.Count == 1 ? p.Id : null)),
            };
        }).ToList();
        var router = new ModelRouter(file);
        var routing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slot in ModelSlots.All)
        {
            var route = router.RouteOf(slot);
            var parts = new List<string>();
            for (var r = route; r is not null; r = r.Fallback)
            {
                parts.Add($"{r.Provider}/{(string.IsNullOrEmpty(r.Model) ? file.FindProvider(r.Provider)?.DefaultModel : r.Model)}");
            }
            routing[slot] = parts.Count == 0 ? "(not routed)" : string.Join(" -> ", parts);
        }
        return new ProvidersReport { Providers = providers, Routing = routing };
    }

    private static Command Default()
    {
        var provider = new Argument<string>("provider") { Description = "a configured provider" };
        var command = new Command("default", "Make a provider the default for slots that are not routed") { provider };
        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(provider)!;
            var store = ProvidersStore.ForCurrentUser();
            var file = await store.LoadAsync(ct);
            RequireProvider(file, id);
            await store.SaveAsync(file with { DefaultProvider = id }, ct);
            CliOutput.Line($"{id} is now the default provider");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Logout()
    {
        var provider = new Argument<string>("provider") { Description = "a configured provider" };
        var command = new Command("logout", "Remove a provider, its key, and the routes that use it") { provider };
        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(provider)!;
            var store = ProvidersStore.ForCurrentUser();
            var file = await store.LoadAsync(ct);
            RequireProvider(file, id);
            var routing = new Dictionary<string, SlotRoute>(StringComparer.Ordinal);
            var dropped = new List<string>();
            foreach (var (slot, route) in file.Routing)
            {
                if (Without(route, id) is { } kept) routing[slot] = kept;
                else dropped.Add(slot);
            }
            var providers = file.Providers.Where(p => p.Id != id).ToList();
            await store.SaveAsync(file with
            {
                Providers = providers,
                Routing = routing,
                DefaultProvider = file.DefaultProvider == id ? null : file.DefaultProvider,
            }, ct);
            CliOutput.Line($"Removed {id} and its key from {store.Path}");
            if (dropped.Count > 0)
            {
                CliOutput.Line($"Slots no longer routed: {string.Join(", ", dropped)}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SlotRoute? Without(SlotRoute? route, string provider)
    {
        if (route is null) return null;
        var fallback = Without(route.Fallback, provider);
        return route.Provider == provider ? fallback : route with { Fallback = fallback };
    }

    private static Command Route()
    {
        var slot = new Argument<string>("slot") { Description = string.Join(", ", ModelSlots.All) };
        var target = new Argument<string>("target") { Description = "provider/model (or just provider for its default model)" };
        var fallback = new Option<string>("--fallback") { Description = "provider/model tried when the first keeps failing" };
        var command = new Command("route", "Route a slot to a provider's model") { slot, target, fallback };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(slot)!;
            if (!ModelSlots.IsSlot(name))
            {
                throw new SmoothException($"'{name}' is not a slot", $"slots: {string.Join(", ", ModelSlots.All)}", ExitCodes.BadInput);
            }
            var store = ProvidersStore.ForCurrentUser();
            var file = await store.LoadAsync(ct);
            var route = ParseTarget(file, parse.GetValue(target)!);
            if (parse.GetValue(fallback) is { } fb)
            {
                route = route with { Fallback = ParseTarget(file, fb) };
            }
            var routing = new Dictionary<string, SlotRoute>(file.Routing, StringComparer.Ordinal) { [name] = route };
            await store.SaveAsync(file with { Routing = routing }, ct);
            CliOutput.Line($"{name} -> {Report(file with { Routing = routing }).Routing[name]}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SlotRoute ParseTarget(ProvidersFile file, string text)
    {
        var slash = text.IndexOf('/');
        var id = slash < 0 ? text : text[..slash];
        var model = slash < 0 ? null : text[(slash + 1)..];
        RequireProvider(file, id);
        if (model is not null && (model.Length == 0 || model.Any(char.IsWhiteSpace)))
        {
            throw new SmoothException($"'{text}' does not name a model", "write provider/model, e.g. openai/gpt-5", ExitCodes.BadInput);
        }
        return new SlotRoute { Provider = id, Model = model };
    }

    private static void RequireProvider(ProvidersFile file, string id)
    {
        if (file.FindProvider(id) is null)
        {
            throw new SmoothException($"provider '{id}' is not configured",
                file.Providers.Count == 0 ? $"run 'th auth login {id}' first" : $"configured: {string.Join(", ", file.Providers.Select(p => p.Id))}; add one with 'th auth login'",
                ExitCodes.NotFound);
        }
    }
}
