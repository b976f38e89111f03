"""Instructions per request of each twin, counted in-process under valgrind's callgrind."""
