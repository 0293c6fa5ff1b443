package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// python is the interpreter whose networkx is the oracle; CI installs
// python3-networkx for it (.ci/run).
const python = "/usr/bin/python3"

// needNetworkx skips the test when python3 with networkx (and scipy, which
// networkx's pagerank and hits need) is not installed.
func needNetworkx(t *testing.T) {
	t.Helper()
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		t.Skip("python3-networkx not installed (apt-get install python3-networkx)")
	}
	if err := exec.Command(python, "-c", "import scipy").Run(); err != nil {
		t.Skip("python3-scipy not installed (apt-get install python3-scipy), needed by networkx pagerank and hits")
	}
}

// testNetwork returns a Network of n nodes and the given edges, unanalysed.
func testNetwork(directed bool, n int, edges [][3]float64) *Network {
	net := &Network{Directed: directed}
	for i := range n {
		net.Nodes = append(net.Nodes, Node{Key: fmt.Sprintf("n%03d", i), Label: fmt.Sprintf("N%d", i)})
	}
	for _, e := range edges {
		net.Edges = append(net.Edges, Edge{From: int(e[0]), To: int(e[1]), Weight: e[2]})
	}
	return net
}

// randomEdges adds about m distinct random edges among nodes [lo, hi), with
// integer weights 1..5 and no self-loops. For an undirected graph a pair is
// taken once whatever its order.
func randomEdges(rng *rand.Rand, directed bool, lo, hi, m int, seen map[[2]int]bool, edges [][3]float64) [][3]float64 {
	for range m {
		u, v := lo+rng.IntN(hi-lo), lo+rng.IntN(hi-lo)
		k := [2]int{u, v}
		if !directed && v < u {
			k = [2]int{v, u}
		}
		if u == v || seen[k] {
			continue
		}
		seen[k] = true
		edges = append(edges, [3]float64{float64(u), float64(v), float64(1 + rng.IntN(5))})
	}
	return edges
}

// crossCheckGraphs are the graphs compared with networkx: a random directed
// weighted graph with two components, a dangling node (44: in-edges only), a
// source-only node (0) and reciprocal pairs; an undirected random graph with
// two components; a small directed hand graph.
func crossCheckGraphs() map[string]*Network {
	rng := rand.New(rand.NewPCG(1, 2))

	seen := map[[2]int]bool{}
	var d [][3]float64
	d = randomEdges(rng, true, 1, 44, 160, seen, d)
	d = randomEdges(rng, true, 45, 60, 45, seen, d)
	d = append(d, [3]float64{0, 1, 2}, [3]float64{0, 7, 1}, [3]float64{3, 44, 1}, [3]float64{9, 44, 4}, [3]float64{20, 44, 1})
	// A reciprocal pair of unequal weights, in case the draw gave none.
	if !seen[[2]int{2, 5}] && !seen[[2]int{5, 2}] {
		d = append(d, [3]float64{2, 5, 1}, [3]float64{5, 2, 3})
	}
	seen = map[[2]int]bool{}
	var u [][3]float64
	u = randomEdges(rng, false, 0, 35, 90, seen, u)
	u = randomEdges(rng, false, 35, 50, 30, seen, u)

	small := [][3]float64{
		{0, 1, 1}, {1, 2, 2}, {2, 0, 1}, {2, 3, 3}, {3, 4, 1}, {4, 2, 1}, {4, 5, 2}, {1, 5, 1}, {5, 6, 1},
	}
	return map[string]*Network{
		"directed":   testNetwork(true, 60, d),
		"undirected": testNetwork(false, 50, u),
		"small":      testNetwork(true, 7, small),
	}
}

// nxSpec is one graph as nxcheck.py reads it.
type nxSpec struct {
	Name      string       `json:"name"`
	Directed  bool         `json:"directed"`
	N         int          `json:"n"`
	Edges     [][3]float64 `json:"edges"`
	Community []int        `json:"community"`
	Pivots    []int32      `json:"pivots"`
}

func TestAgainstNetworkx(t *testing.T) {
	needNetworkx(t)
	ctx := context.Background()
	const samples = 20 // pivots for the sampled-betweenness check

	graphs := crossCheckGraphs()
	sampled := map[string][]float64{}
	var specs []nxSpec
	for name, n := range graphs {
		if err := Analyse(ctx, n, -1); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(n.Warnings) > 0 {
			t.Errorf("%s: warnings %v", name, n.Warnings)
		}
		spec := nxSpec{Name: name, Directed: n.Directed, N: len(n.Nodes), Community: intsOf(n, "community")}
		for _, e := range n.Edges {
			spec.Edges = append(spec.Edges, [3]float64{float64(e.From), float64(e.To), e.Weight})
		}
		if len(n.Nodes) > samples {
			spec.Pivots, _ = pivots(len(n.Nodes), samples)
			g, err := newCSR(len(n.Nodes), n.Directed, n.Edges)
			if err != nil {
				t.Fatal(err)
			}
			bc, err := betweenness(ctx, g, samples)
			if err != nil {
				t.Fatal(err)
			}
			if bc.samples != samples {
				t.Errorf("%s: sampled betweenness used %d pivots, want %d", name, bc.samples, samples)
			}
			sampled[name] = bc.raw
		}
		specs = append(specs, spec)
	}
	in := filepath.Join(t.TempDir(), "graphs.json")
	b, err := json.Marshal(specs)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, filepath.Join("testdata", "nxcheck.py"), in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("nxcheck.py: %v", err)
	}
	var want map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("nxcheck.py output: %v\n%s", err, out)
	}

	const tol = 1e-6
	for name, n := range graphs {
		nx := want[name]
		if nx == nil {
			t.Fatalf("%s: no networkx result", name)
		}
		measures := []string{"degree", "strength", "betweenness", "betweenness_norm", "closeness", "harmonic",
			"eigenvector", "pagerank", "component"}
		if n.Directed {
			measures = append(measures, "in_degree", "out_degree", "in_strength", "out_strength", "hub", "authority")
		}
		for _, m := range measures {
			var exp []float64
			if err := json.Unmarshal(nx[m], &exp); err != nil {
				t.Fatalf("%s %s: %v", name, m, err)
			}
			got := floatsOf(n, m)
			for i := range exp {
				if math.Abs(got[i]-exp[i]) > tol {
					t.Errorf("%s: %s(%d) = %.10g, networkx %.10g", name, m, i, got[i], exp[i])
				}
			}
		}
		if got, ok := sampled[name]; ok {
			var exp []float64
			if err := json.Unmarshal(nx["betweenness_sampled"], &exp); err != nil {
				t.Fatalf("%s betweenness_sampled: %v", name, err)
			}
			for i := range exp {
				if math.Abs(got[i]-exp[i]) > tol {
					t.Errorf("%s: sampled betweenness(%d) = %.10g, networkx subset×n/k %.10g", name, i, got[i], exp[i])
				}
			}
		}
		var q, theirs float64
		if err := json.Unmarshal(nx["modularity"], &q); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(nx["louvain_modularity"], &theirs); err != nil {
			t.Fatal(err)
		}
		if math.Abs(n.Modularity-q) > tol {
			t.Errorf("%s: modularity %.10g, networkx on the same partition %.10g", name, n.Modularity, q)
		}
		// Louvain is a heuristic: ours need not equal networkx's, but must be
		// as good within a small margin.
		if n.Modularity < theirs-0.02 {
			t.Errorf("%s: modularity %.4f, networkx's Louvain finds %.4f", name, n.Modularity, theirs)
		}
		t.Logf("%s: %d nodes, %d edges, %d components, %d communities, Q=%.4f (networkx Louvain %.4f)",
			name, len(n.Nodes), len(n.Edges), n.Components, n.Communities, n.Modularity, theirs)
	}
}

// floatsOf returns node attribute name of every node as float64.
func floatsOf(n *Network, name string) []float64 {
	out := make([]float64, len(n.Nodes))
	for i, nd := range n.Nodes {
		switch v := nd.Attrs[name].(type) {
		case int:
			out[i] = float64(v)
		case float64:
			out[i] = v
		default:
			out[i] = math.NaN()
		}
	}
	return out
}

// intsOf returns int node attribute name of every node.
func intsOf(n *Network, name string) []int {
	out := make([]int, len(n.Nodes))
	for i, nd := range n.Nodes {
		out[i], _ = nd.Attrs[name].(int)
	}
	return out
}
