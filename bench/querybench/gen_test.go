package querybench

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/newsgraph/newsgraph/store"
)

// TestGenerateSmall generates a small corpus and checks that the store
// agrees with itself and with what Generate reports.
func TestGenerateSmall(t *testing.T) {
	st, err := store.Open("mem", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	c, err := Generate(ctx, st, Config{Triples: 2000, Actors: 50, TriplesPerArticle: 30})
	if err != nil {
		t.Fatal(err)
	}
	if c.Triples != 2000 || c.Articles != 67 || len(c.Actors) != 50 {
		t.Errorf("corpus = %d triples, %d articles, %d actors", c.Triples, c.Articles, len(c.Actors))
	}
	counts, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Triples != 2000 || counts.Articles != 67 || counts.Mentions != 4000 {
		t.Errorf("store counts = %+v", counts)
	}
	if err := st.Check(ctx); err != nil {
		t.Fatal(err)
	}
	// Frequencies follow the ranks: the first actor is the most mentioned.
	actors, err := st.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if actors[0].ID != c.Actors[0].ID {
		t.Errorf("most mentioned actor is %s, want rank 0 %s", actors[0].ID, c.Actors[0].ID)
	}
	// Every actor's name and alias resolve through the name index.
	for _, a := range c.Actors[:10] {
		for _, name := range []string{a.Name, a.Alias} {
			if name == "" {
				continue
			}
			found, err := st.FindActors(ctx, name)
			if err != nil || len(found) == 0 || found[0].ID != a.ID {
				t.Errorf("FindActors(%q) = %v, %v; want %s", name, found, err, a.ID)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	if a := c.Pick(r); a.ID == "" {
		t.Errorf("Pick gave %+v", a)
	}
}
