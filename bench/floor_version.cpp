// Benchmark floor for `rls --version`: a C++ program that prints a line.
#include <iostream>

int main() {
    std::cout << "rls 0.1.0\n";
    return 0;
}
