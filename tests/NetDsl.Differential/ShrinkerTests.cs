using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace NetDsl.Differential;

/// <summary>The shrinker with a cheap oracle: it keeps exactly what the failure needs.</summary>
public class ShrinkerTests
{
    [Test]
    public async Task Keeps_only_the_pieces_the_failure_needs()
    {
        var generated = TopologyGenerator.Generate(3);
        var blocks = generated.Blocks;
        string expect = blocks.First(b => b.Header.StartsWith("expect ", System.StringComparison.Ordinal)).Header;
        // The "failure": the file still has that expect and still declares the upstream's www host.
        bool Fails(string text) => text.Contains(expect) && text.Contains("host www");
        var (shrunk, calls) = await Shrinker.ShrinkAsync(blocks, _ => true, b => Task.FromResult(Fails(Block.Render(b))), budget: 500);
        string text = Block.Render(shrunk);
        Assert.That(Fails(text), Is.True);
        Assert.That(text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(4), text);   // upstream { host www }, expect
        Assert.That(calls, Is.LessThan(500));
    }

    [Test]
    public async Task Stops_at_its_budget()
    {
        var blocks = TopologyGenerator.Generate(3).Blocks;
        var (_, calls) = await Shrinker.ShrinkAsync(blocks, _ => true, _ => Task.FromResult(false), budget: 5);
        Assert.That(calls, Is.EqualTo(5));
    }
}
