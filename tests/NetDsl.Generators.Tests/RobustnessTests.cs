using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetDsl.Generators.Tests.Support;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>
/// No input makes the generator throw: a generator exception surfaces only as CS8785 and drops every output.
/// The driver is reused across inputs (as the IDE does while the user types).
/// </summary>
public class RobustnessTests
{
    [Test]
    public void Every_truncation_of_the_example_runs_cleanly()
    {
        string text = GeneratorHarness.Example;
        var checker = new Checker();
        for (int length = 0; length <= text.Length; length++)
            checker.Check(text.Substring(0, length));
        Assert.That(checker.Runs, Is.EqualTo(text.Length + 1));
    }

    [Test]
    public void Random_mutations_of_the_example_run_cleanly()
    {
        string text = GeneratorHarness.Example;
        var random = new Random(20240611);
        const string alphabet = "{}[]\"#:/.-_ \n\tabcdefxyz0129ROUTINGPREFIX->\\\r\u00e9\u0000";
        var checker = new Checker();
        for (int i = 0; i < 1500; i++)
        {
            var chars = text.ToCharArray().ToList();
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits && chars.Count > 0; e++)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            checker.Check(new string(chars.ToArray()));
        }
    }

    private sealed class Checker
    {
        private readonly Compilation _compilation = GeneratorHarness.Compilation("class A { }");
        private InMemoryAdditionalText _file = new("/repo/lab.netdsl", "");
        private GeneratorDriver _driver;

        public Checker() => _driver = GeneratorHarness.Driver(new[] { _file }, trackSteps: false);

        public int Runs { get; private set; }

        public void Check(string text)
        {
            var next = new InMemoryAdditionalText("/repo/lab.netdsl", text);
            _driver = _driver.ReplaceAdditionalText(_file, next);
            _file = next;
            _driver = _driver.RunGenerators(_compilation);
            var result = _driver.GetRunResult().Results.Single();
            Runs++;
            if (result.Exception is not null || result.Diagnostics.Any(d => d.Id is "CS8785" or "NDSL9001"))
                Assert.Fail($"input of {text.Length} chars: {result.Exception?.ToString() ?? string.Join("\n", result.Diagnostics)}\n---\n{text}");
        }
    }
}
