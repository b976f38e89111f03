"""What is read off the machine: process CPU and memory, import times, the core's steadiness."""
