// gosurface prints the exported API of every Go package under a folder, one symbol a line,
// sorted: `DIR` for a package folder, `DIR#Name` for a type, function, constant or variable,
// `DIR#Type.Method` for a method. The API-parity tests compare these lists between bridgegen's
// Go SDKs and Pulumi's (crates/bridgegen-test-support/src/parity.rs).
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gosurface DIR")
		os.Exit(2)
	}
	root := packageRoot(os.Args[1])
	seen := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		seen[rel] = true
		add := func(name string) { seen[rel+"#"+name] = true }
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv != nil && len(d.Recv.List) > 0 {
					recv := typeName(d.Recv.List[0].Type)
					if ast.IsExported(recv) {
						add(recv + "." + d.Name.Name)
					}
				} else {
					add(d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							add(s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								add(n.Name)
							}
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gosurface:", err)
		os.Exit(1)
	}
	lines := make([]string, 0, len(seen))
	for l := range seen {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	fmt.Println(strings.Join(lines, "\n"))
}

// packageRoot is DIR, or its only subfolder when DIR holds no .go file and one folder: Pulumi's
// generator writes the package under <name>/, ours at the top of the output.
func packageRoot(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return dir
	}
	var dirs []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			return dir
		}
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) == 1 {
		return filepath.Join(dir, dirs[0])
	}
	return dir
}

// typeName is the receiver's type name without pointer or type parameters.
func typeName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return typeName(t.X)
	case *ast.IndexExpr:
		return typeName(t.X)
	case *ast.IndexListExpr:
		return typeName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}
