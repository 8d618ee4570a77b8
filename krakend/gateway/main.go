// Command gateway is the POS API gateway: the Lura framework with the KrakenD modules for JWT
// validation, rate limits and CORS, reading a KrakenD configuration file (version 3).
//
// It exists because the KrakenD CE distribution cannot be installed here; its command line
// mirrors the parts of `krakend` the stack uses, so the two stay interchangeable:
//
//	gateway run -c krakend.json [-p 8000]
//	gateway check -c krakend.json
//	gateway version
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}

	switch os.Args[1] {
	case "run":
		os.Exit(runCommand(os.Args[2:]))
	case "check":
		os.Exit(checkCommand(os.Args[2:]))
	case "version":
		fmt.Println(versionLine())
	default:
		usage()
		os.Exit(2)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: gateway run -c <config> [-p <port>] | check -c <config> | version")
}

func runCommand(args []string) int {
	flags := flag.NewFlagSet("run", flag.ContinueOnError)
	file := flags.String("c", "krakend.json", "configuration file")
	port := flags.Int("p", 0, "port to listen on, overriding the file")
	if err := flags.Parse(args); err != nil {
		return 2
	}

	cfg, err := loadConfig(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ERROR parsing the configuration file:", err)
		return 1
	}
	// The stack refuses to start on a configuration `check` would refuse.
	if problems := checkConfig(*file, cfg); len(problems) > 0 {
		printProblems(problems)
		return 1
	}
	if *port != 0 {
		cfg.Port = *port
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "ERROR", err)
		return 1
	}
	return 0
}

func checkCommand(args []string) int {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	file := flags.String("c", "krakend.json", "configuration file")
	if err := flags.Parse(args); err != nil {
		return 2
	}

	cfg, err := loadConfig(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ERROR parsing the configuration file:", err)
		return 1
	}
	if problems := checkConfig(*file, cfg); len(problems) > 0 {
		printProblems(problems)
		return 1
	}
	fmt.Println("Syntax OK!")
	return 0
}

func printProblems(problems []string) {
	fmt.Fprintf(os.Stderr, "ERROR the configuration has %d problem(s):\n", len(problems))
	for _, problem := range problems {
		fmt.Fprintln(os.Stderr, "  -", problem)
	}
}
