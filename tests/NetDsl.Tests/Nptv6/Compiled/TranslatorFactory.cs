using System;
using System.Collections.Generic;
using NetDsl.Nptv6;

namespace NetDsl.Tests.Nptv6.Compiled;

/// <summary>Which implementation a contract fixture runs against.</summary>
public enum TranslatorKind
{
    /// <summary><see cref="Nptv6Translator"/>, built at run time from the rule bound by the compiler.</summary>
    Generic,

    /// <summary>The classes the source generator wrote for rules.netdsl (<c>Rules.Nptv6</c>).</summary>
    Compiled,
}

/// <summary>The translators (one per mapping) of a rule of rules.netdsl, of either kind.</summary>
public static class TranslatorFactory
{
    private static readonly Lazy<Model.NetworkModel> Bound = new(() =>
        NetDslCompiler.Compile(Rules.SourceText, Rules.SourcePath).Model ?? throw new InvalidOperationException("rules.netdsl does not bind"));

    public static IReadOnlyList<INptv6Translator> Create(TranslatorKind kind, string rule)
    {
        if (kind == TranslatorKind.Compiled) return Rules.Nptv6Translators.Select(rule, Rules.Parameters.Default);
        var found = Nptv6Mappings.FindRule(Bound.Value, rule) ?? throw new ArgumentException("no rule " + rule);
        if (!Nptv6Mappings.TryCreate(found, Nptv6Compatibility.Rfc6296, out var translators, out var errors, out _))
            throw new ArgumentException(string.Join(" ", errors));
        return translators;
    }

    public static INptv6Translator Single(TranslatorKind kind, string rule) => Create(kind, rule)[0];

    /// <summary>Every rule of rules.netdsl, for tests that run over all of them.</summary>
    public static readonly string[] AllRules = { "rfc_example", "gateway", "slash56", "slash40", "two_mappings" };
}
